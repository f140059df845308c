"""What the tests and the benchmarks both drive: a class hub on this machine and its clients."""

"""The landmark questions (the lesson's `quizzes.landmarks`): multiple choice, graded by `exercises.choice`."""

EXERCISE = "landmarks"

// Voila's cell container becomes the page's main landmark, unless the page has one already (JupyterLab).

function render({ el }) {
  el.classList.add("psoas-control", "psoas-landmarks");
  const cells = document.getElementById("rendered_cells");
  if (cells && document.body.dataset.voila && !document.querySelector("main, [role='main']")) {
    cells.setAttribute("role", "main");
  }
}

export default { render };

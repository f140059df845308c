// One polite live region, made once; a new value replaces only its content, so screen readers announce it.

function render({ model, el }) {
  el.classList.add("psoas-control");
  const region = document.createElement("div");
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.className = model.get("css_class");
  el.appendChild(region);
  const show = () => { region.innerHTML = model.get("value"); }; // escaped by the Python view
  model.on("change:value", show);
  show();
  return () => model.off("change:value", show);
}

export default { render };

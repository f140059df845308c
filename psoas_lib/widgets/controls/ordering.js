// An ordering list (the move-button pattern): rows stay in place and only their text changes, so the button
// a keyboard user pressed is never re-created; after a move the focus goes to the same button of the row the
// step moved to. The view announces the new position in its feedback region.

function render({ model, el }) {
  el.classList.add("psoas-control", "psoas-ordering");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  const list = document.createElement("ol");
  el.appendChild(list);
  let rows = [];
  let pending = null; // {index, offset} of the last press, until the new order arrives

  function button(row, index, offset) {
    const press = document.createElement("button");
    press.type = "button";
    press.className = "psoas-move";
    press.addEventListener("click", () => {
      pending = { index, offset };
      model.send({ index, offset });
    });
    row.appendChild(press);
    return press;
  }

  function build() {
    rows = model.get("steps").map((_step, index) => {
      const row = document.createElement("li");
      const name = document.createElement("span");
      name.className = "psoas-step";
      row.appendChild(name);
      return { row, name, up: button(row, index, -1), down: button(row, index, +1) };
    });
    list.replaceChildren(...rows.map((r) => r.row));
  }

  function show() {
    if (rows.length !== model.get("steps").length) build();
    const steps = model.get("steps"), ups = model.get("up_names"), downs = model.get("down_names");
    list.setAttribute("aria-label", model.get("label"));
    rows.forEach((r, index) => {
      r.name.textContent = `${index + 1}. ${steps[index]}`;
      r.up.textContent = `\u2191 ${model.get("up_text")}`;
      r.down.textContent = `\u2193 ${model.get("down_text")}`;
      r.up.setAttribute("aria-label", ups[index] || "");
      r.down.setAttribute("aria-label", downs[index] || "");
    });
    if (pending) {
      const target = rows[pending.index + pending.offset];
      if (target) (pending.offset < 0 ? target.up : target.down).focus();
      pending = null;
    }
  }

  const names = ["change:steps", "change:up_names", "change:down_names", "change:label"];
  names.forEach((name) => model.on(name, show));
  show();
  return () => names.forEach((name) => model.off(name, show));
}

export default { render };

// A radio group as one Tab stop (WAI-ARIA radio group pattern): Tab reaches the chosen option (or the first),
// the arrow keys move to the next or previous option and choose it, Home/End the first/last, Space chooses.
// The keys it uses never reach JupyterLab's notebook shortcuts.

function render({ model, el }) {
  el.classList.add("psoas-control", "psoas-radio-group");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  const group = document.createElement("div");
  group.setAttribute("role", "radiogroup");
  el.appendChild(group);
  let radios = [];

  function update() {
    const chosen = model.get("index");
    const disabled = model.get("disabled");
    const stop = chosen === null || chosen === undefined ? 0 : chosen;
    group.setAttribute("aria-label", model.get("label"));
    group.classList.toggle("psoas-horizontal", model.get("horizontal"));
    if (disabled) group.setAttribute("aria-disabled", "true");
    else group.removeAttribute("aria-disabled");
    radios.forEach((radio, index) => {
      radio.setAttribute("aria-checked", String(index === chosen));
      radio.tabIndex = !disabled && index === stop ? 0 : -1;
    });
  }

  function build() {
    radios = model.get("labels").map((text, index) => {
      const radio = document.createElement("div");
      radio.setAttribute("role", "radio");
      radio.className = "psoas-radio";
      const mark = document.createElement("span");
      mark.className = "psoas-radio-mark";
      mark.setAttribute("aria-hidden", "true");
      const label = document.createElement("span");
      label.textContent = text; // lesson text is shown as text, never as HTML
      radio.append(mark, label);
      radio.addEventListener("click", () => choose(index));
      return radio;
    });
    group.replaceChildren(...radios);
    update();
  }

  function choose(index) {
    if (model.get("disabled")) return;
    // Sent as a message, not synced as a trait: ipywidgets holds back a trait change while an earlier one is
    // on its way, so a "Check answer" pressed just after could reach the kernel before the last choice.
    model.set("index", index);
    model.send({ index });
    update();
    radios[index].focus();
  }

  group.addEventListener("keydown", (event) => {
    const at = radios.indexOf(document.activeElement);
    if (at < 0 || model.get("disabled") || event.altKey || event.ctrlKey || event.metaKey) return;
    const last = radios.length - 1;
    const next = {
      ArrowDown: at === last ? 0 : at + 1, ArrowRight: at === last ? 0 : at + 1,
      ArrowUp: at === 0 ? last : at - 1, ArrowLeft: at === 0 ? last : at - 1,
      Home: 0, End: last, " ": at,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    choose(next);
  });

  const listeners = [["change:labels", build], ["change:index", update], ["change:disabled", update],
                     ["change:label", update], ["change:horizontal", update]];
  listeners.forEach(([name, handler]) => model.on(name, handler));
  build();
  return () => listeners.forEach(([name, handler]) => model.off(name, handler));
}

export default { render };

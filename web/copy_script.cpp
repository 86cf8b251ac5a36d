#include "web/copy_script.hpp"

namespace tp::web {

std::string_view copy_script() {
    return R"js("use strict";
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  if (!field) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch (e) {
      document.execCommand("copy");
    }
    button.textContent = button.dataset.done;
  });
}
)js";
}

}  // namespace tp::web

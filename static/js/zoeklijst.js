/* Search fields (werkcentrum/autocomplete.py): fills each field's <datalist> with the
   suggestions of its scoped JSON endpoint while the user types. Without this script the field
   is a plain text input and the server resolves what was typed. */
(function () {
  "use strict";

  function koppelen(invoer) {
    var lijst = document.getElementById(invoer.getAttribute("list"));
    var bron = invoer.getAttribute("data-zoeklijst");
    if (!lijst || !bron) {
      return;
    }
    var wachten = null;
    var gevraagd = "";
    invoer.addEventListener("input", function () {
      var tekst = invoer.value.trim();
      if (tekst.length < 2 || tekst === gevraagd) {
        return;
      }
      window.clearTimeout(wachten);
      wachten = window.setTimeout(function () {
        gevraagd = tekst;
        window
          .fetch(bron + "?q=" + encodeURIComponent(tekst), {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
          })
          .then(function (antwoord) {
            return antwoord.ok ? antwoord.json() : { resultaten: [] };
          })
          .then(function (data) {
            var opties = data.resultaten.map(function (waarde) {
              var optie = document.createElement("option");
              optie.value = waarde;
              return optie;
            });
            lijst.replaceChildren.apply(lijst, opties);
          })
          .catch(function () {
            /* No suggestions: the field still works as plain text. */
          });
      }, 250);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-zoeklijst][list]").forEach(koppelen);
  });
})();

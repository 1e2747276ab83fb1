/* Forms: after a failed submit, focus the error summary (components/foutoverzicht.html) so
   a screen reader reads it first, and let its links focus the field itself. A textarea with
   a maximum shows how many characters are left (components/formulierveld.html) instead of
   the browser silently cutting off pasted text: the server refuses too long a text and
   keeps it, so nothing typed is lost. A file, not inline script, because of the CSP. */
(function () {
  "use strict";

  function overzicht() {
    var blok = document.querySelector(".wc-foutoverzicht");
    if (!blok) {
      return;
    }
    blok.focus();
    blok.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var veld = link && document.getElementById(link.getAttribute("href").slice(1));
      if (veld) {
        event.preventDefault();
        veld.focus();
        veld.scrollIntoView({ block: "center" });
      }
    });
  }

  function teller(uitvoer) {
    var veld = document.getElementById(uitvoer.getAttribute("data-teller-voor"));
    var max = parseInt(uitvoer.getAttribute("data-max"), 10);
    if (!veld || !max) {
      return;
    }
    veld.removeAttribute("maxlength");
    uitvoer.setAttribute("aria-live", "polite");
    var beschreven = (veld.getAttribute("aria-describedby") || "").split(" ");
    beschreven.push(uitvoer.id);
    veld.setAttribute("aria-describedby", beschreven.join(" ").trim());
    var wachten = null;
    function bijwerken() {
      var rest = max - veld.value.length;
      var sjabloon = uitvoer.getAttribute(rest < 0 ? "data-te-veel" : "data-over");
      uitvoer.textContent = sjabloon.replace("%(n)s", String(Math.abs(rest)));
      uitvoer.classList.toggle("wc-tekenteller--te-veel", rest < 0);
    }
    bijwerken();
    veld.addEventListener("input", function () {
      // Wait for a pause in typing, so a screen reader is not interrupted at every key.
      window.clearTimeout(wachten);
      wachten = window.setTimeout(bijwerken, 400);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    overzicht();
    document.querySelectorAll("[data-teller-voor]").forEach(teller);
  });
})();

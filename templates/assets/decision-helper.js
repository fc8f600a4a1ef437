/*
 * sitegen default theme: the interactive decision helper.
 *
 * The generator writes every helper as static guidance (a <details class="dh-guide"> that lists each answer's
 * points and the possible outcomes), so the page is complete without this script. When the helper's JSON loads,
 * this script builds the questionnaire in .dh-app and folds the guidance away; if anything fails, the page is left
 * exactly as the generator wrote it.
 *
 * The scoring must agree with the generator's reachability check, so it follows the contract step by step:
 * totals per outcome, rules that rule outcomes out, candidates in file order, the best total wins, equal bests
 * are an honest tie, and an empty candidate list means "no option fits".
 *
 * No dependencies, no build step; text goes in through textContent only, never as markup.
 */
(function () {
  "use strict";

  var GUIDE_SUMMARY = "How the helper weighs your answers";
  var MINUS = "\u2212"; // a real minus sign reads better than a hyphen in "(−1)"

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // The JSON is normalised to lists, but a hand-written file may use a single string where a list is allowed.
  function asList(value) {
    if (value == null) return [];
    return Array.isArray(value) ? value : [value];
  }

  function signed(n) {
    return n > 0 ? "+" + n : MINUS + Math.abs(n);
  }

  // "A", "A and B", "A, B and C": the same wording for ties and for rules that remove several outcomes.
  function joinWords(words) {
    if (words.length < 2) return words.join("");
    return words.slice(0, -1).join(", ") + " and " + words[words.length - 1];
  }

  function scoreOf(answer, outcomeId) {
    var s = answer.scores && answer.scores[outcomeId];
    return typeof s === "number" ? s : 0;
  }

  /*
   * The contract's algorithm, kept free of the DOM so it reads like the specification.
   * `chosen` maps question id -> answer object for the answered questions only.
   */
  function evaluate(data, chosen) {
    var totals = {};
    var answered = data.questions.filter(function (q) { return chosen[q.id]; });
    data.outcomes.forEach(function (o) {
      totals[o.id] = answered.reduce(function (sum, q) { return sum + scoreOf(chosen[q.id], o.id); }, 0);
    });

    var ruledOut = {};
    var fired = (data.rules || []).filter(function (rule) {
      var when = rule.when || {};
      var ok = Object.keys(when).every(function (qid) {
        return chosen[qid] && asList(when[qid]).indexOf(chosen[qid].id) !== -1;
      });
      if (ok) asList(rule.rule_out).forEach(function (id) { ruledOut[id] = true; });
      return ok;
    });

    var result = { answered: answered, fired: fired, winners: [], state: "prompt" };
    if (answered.length === 0) return result;
    var candidates = data.outcomes.filter(function (o) { return !ruledOut[o.id]; });
    if (candidates.length === 0) {
      result.state = "no-fit";
      return result;
    }
    var best = Math.max.apply(null, candidates.map(function (o) { return totals[o.id]; }));
    result.winners = candidates.filter(function (o) { return totals[o.id] === best; });
    result.state = result.winners.length === 1 ? "recommendation" : "tie";
    return result;
  }

  function outcomeTitle(data, id) {
    for (var i = 0; i < data.outcomes.length; i++) {
      if (data.outcomes[i].id === id) return data.outcomes[i].title;
    }
    return id;
  }

  // A title that links to where the article argues for it, when the data says where that is.
  function titleNode(outcome) {
    if (!outcome.link) return document.createTextNode(outcome.title);
    var a = el("a", null, outcome.title);
    a.href = outcome.link;
    return a;
  }

  function renderResult(box, data, r, chosen) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var n = data.questions.length;
    box.appendChild(el("p", "dh-progress",
      "Answered " + r.answered.length + " of " + n + (n === 1 ? " question." : " questions.")));

    var heading = el("h4", "dh-recommendation");
    if (r.state === "prompt") {
      box.appendChild(el("p", "dh-prompt", "Answer the questions above to see which option fits best."));
    } else if (r.state === "no-fit") {
      heading.textContent = "No option fits every constraint";
      box.appendChild(heading);
    } else if (r.state === "recommendation") {
      heading.appendChild(document.createTextNode("Recommendation: "));
      heading.appendChild(titleNode(r.winners[0]));
      box.appendChild(heading);
      if (r.winners[0].summary) box.appendChild(el("p", "dh-summary", r.winners[0].summary));
    } else {
      heading.appendChild(document.createTextNode("A tie: "));
      r.winners.forEach(function (o, i) {
        if (i > 0) heading.appendChild(document.createTextNode(i === r.winners.length - 1 ? " and " : ", "));
        heading.appendChild(titleNode(o));
      });
      heading.appendChild(document.createTextNode(" fit equally well"));
      box.appendChild(heading);
      // With several summaries on screen, each needs its outcome's name in front of it.
      r.winners.forEach(function (o) {
        if (!o.summary) return;
        var p = el("p", "dh-summary");
        p.appendChild(el("strong", null, o.title + ":"));
        p.appendChild(document.createTextNode(" " + o.summary));
        box.appendChild(p);
      });
    }

    // One item per answer that moved a winner, in question order. In a tie one answer may move several
    // winners, so the points are named per outcome there; a single winner gets the plain "(+3)".
    var explanation = el("ul", "dh-explanation");
    r.answered.forEach(function (q) {
      var answer = chosen[q.id];
      var moved = r.winners.filter(function (o) { return scoreOf(answer, o.id) !== 0; });
      if (moved.length === 0) return;
      var points = r.winners.length === 1
        ? signed(scoreOf(answer, moved[0].id))
        : moved.map(function (o) { return o.title + " " + signed(scoreOf(answer, o.id)); }).join(", ");
      explanation.appendChild(el("li", null,
        "You answered \u201c" + answer.label + "\u201d to \u201c" + q.text + "\u201d (" + points + ")"));
    });
    explanation.hidden = explanation.childNodes.length === 0;
    box.appendChild(explanation);

    var rules = el("ul", "dh-rules");
    if (r.state !== "prompt") {
      r.fired.forEach(function (rule) {
        var titles = asList(rule.rule_out).map(function (id) { return outcomeTitle(data, id); });
        var verb = titles.length === 1 ? " is ruled out: " : " are ruled out: ";
        rules.appendChild(el("li", null, joinWords(titles) + verb + (rule.reason || "")));
      });
    }
    rules.hidden = rules.childNodes.length === 0;
    box.appendChild(rules);
  }

  /*
   * The fragment "#<P>?question=answer&…" belongs to the helper whose section id is P. Returns the listed pairs
   * (URLSearchParams), or null when the fragment names another element or carries no answers.
   */
  function fragmentAnswers(P) {
    var hash = window.location.hash.slice(1);
    var q = hash.indexOf("?");
    var id = q === -1 ? hash : hash.slice(0, q);
    try { id = decodeURIComponent(id); } catch (e) { return null; }
    if (id !== P || q === -1) return null;
    return new URLSearchParams(hash.slice(q + 1));
  }

  function fragmentIsOurs(P) {
    var hash = window.location.hash.slice(1);
    return hash === P || hash.indexOf(P + "?") === 0;
  }

  function build(section, data) {
    if (!data || !Array.isArray(data.outcomes) || !Array.isArray(data.questions)) throw new Error("bad data");
    var P = section.id;
    var app = section.querySelector(".dh-app");
    if (!P || !app) throw new Error("bad markup");

    var form = el("form", "dh-form");
    var radios = {}; // question id -> its radio inputs, for reading and restoring answers
    data.questions.forEach(function (q) {
      var fieldset = el("fieldset", "dh-question");
      fieldset.appendChild(el("legend", null, q.text));
      if (q.help) {
        var help = el("p", "dh-help", q.help);
        help.id = P + "-" + q.id + "-help";
        fieldset.setAttribute("aria-describedby", help.id);
        fieldset.appendChild(help);
      }
      var list = el("div", "dh-answers");
      radios[q.id] = q.answers.map(function (a) {
        var label = el("label", "dh-answer");
        var input = el("input");
        input.type = "radio";
        input.name = P + "-" + q.id;
        input.value = a.id;
        label.appendChild(input);
        label.appendChild(el("span", "dh-answer-text", a.label));
        list.appendChild(label);
        return input;
      });
      fieldset.appendChild(list);
      form.appendChild(fieldset);
    });

    var result = el("div", "dh-result");
    result.setAttribute("role", "status");
    result.setAttribute("aria-live", "polite");
    var actions = el("div", "dh-actions");
    var reset = el("button", "dh-reset", "Reset answers");
    reset.type = "button";
    actions.appendChild(reset);

    function chosenAnswers() {
      var chosen = {};
      data.questions.forEach(function (q) {
        radios[q.id].forEach(function (input, i) {
          // The label carries the checked state as a class: styling it from the radio would need :has().
          input.parentNode.classList.toggle("is-checked", input.checked);
          if (input.checked) chosen[q.id] = q.answers[i];
        });
      });
      return chosen;
    }

    var lastKey = null;
    function update() {
      var chosen = chosenAnswers();
      var r = evaluate(data, chosen);
      renderResult(result, data, r, chosen);
      var ids = r.winners.map(function (o) { return o.id; }).join(" ");
      result.setAttribute("data-recommendation", ids);
      result.setAttribute("data-state", r.state);
      // Flash the panel only when the outcome itself changes, not on every answer (CSS skips it for
      // reduced motion). Removing the class and reading the layout restarts the animation.
      var key = r.state + ":" + ids;
      if (lastKey !== null && key !== lastKey) {
        result.classList.remove("is-updated");
        void result.offsetWidth;
        result.classList.add("is-updated");
      }
      lastKey = key;
      return chosen;
    }

    // replaceState, not a new history entry per click: Back should leave the page, not undo an answer.
    function writeFragment(chosen) {
      var pairs = data.questions.filter(function (q) { return chosen[q.id]; }).map(function (q) {
        return encodeURIComponent(q.id) + "=" + encodeURIComponent(chosen[q.id].id);
      });
      var base = window.location.pathname + window.location.search;
      if (pairs.length > 0) {
        history.replaceState(history.state, "", base + "#" + P + "?" + pairs.join("&"));
      } else if (fragmentIsOurs(P)) {
        history.replaceState(history.state, "", base); // only clear a fragment this helper wrote
      }
    }

    // A shared link restores exactly the answers it lists; unknown ids are ignored rather than trusted.
    function restore() {
      var params = fragmentAnswers(P);
      if (!params) return;
      data.questions.forEach(function (q) {
        var wanted = params.get(q.id);
        radios[q.id].forEach(function (input) { input.checked = input.value === wanted; });
      });
      update();
      var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      section.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "start" });
    }

    form.addEventListener("change", function () { writeFragment(update()); });
    // Enter on a radio would submit the form and reload the page.
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    reset.addEventListener("click", function () {
      Object.keys(radios).forEach(function (qid) {
        radios[qid].forEach(function (input) { input.checked = false; });
      });
      writeFragment(update());
    });
    // Everything above can still throw on malformed data; the page changes only from here on.
    update();
    app.appendChild(form);
    app.appendChild(result);
    app.appendChild(actions);
    app.hidden = false;
    var guide = section.querySelector("details.dh-guide");
    if (guide) {
      guide.open = false;
      var summary = guide.querySelector("summary");
      if (summary) summary.textContent = GUIDE_SUMMARY;
    }
    window.addEventListener("hashchange", restore);
    restore();
  }

  function init(section) {
    if (section.hasAttribute("data-dh-ready")) return; // the script may be included twice
    section.setAttribute("data-dh-ready", "");
    fetch(section.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { build(section, data); })
      // The static guidance stays; the browser already reports a failed request, so no second message here.
      .catch(function () {});
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("section.decision-helper[data-src]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

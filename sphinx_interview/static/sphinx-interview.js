/* sphinx_interview: a time link plays the interview's recording from that time,
 * and the question or answer being spoken is marked while it plays.
 * Without this script a time link opens the recording at that time (#t=). */
(() => {
  "use strict";
  const PLAYING = "sphinx-interview-playing";
  const PLAYERS = ".sphinx-interview-media audio, .sphinx-interview-media video";

  const playerOf = (element) => {
    const interview = element.closest(".sphinx-interview");
    return interview ? interview.querySelector(PLAYERS) : null;
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.sphinx-interview-time[data-time]");
    const player = link && playerOf(link);
    if (!player) {
      return;
    }
    event.preventDefault();
    player.currentTime = Number(link.dataset.time);
    // play() is refused (a rejected promise) until the reader has interacted
    // with the page in some browsers: the player's own button still works.
    const playing = player.play();
    if (playing) {
      playing.catch(() => {});
    }
  });

  // The questions and answers of the player's interview with their times, in
  // order of time; the one marked is the last that started before now.
  const follow = (player) => {
    const interview = player.closest(".sphinx-interview");
    const timed = [...interview.querySelectorAll("a.sphinx-interview-time[data-time]")]
      .map((link) => ({
        time: Number(link.dataset.time),
        block: link.closest(".sphinx-interview-question, .sphinx-interview-answer"),
      }))
      .filter((item) => item.block && playerOf(item.block) === player)
      .sort((a, b) => a.time - b.time);
    let marked = null;
    const update = () => {
      let current = null;
      for (const item of timed) {
        if (item.time <= player.currentTime + 0.05) {
          current = item.block;
        }
      }
      if (current === marked) {
        return;
      }
      if (marked) {
        marked.classList.remove(PLAYING);
        marked.removeAttribute("aria-current");
      }
      if (current) {
        current.classList.add(PLAYING);
        current.setAttribute("aria-current", "time");
      }
      marked = current;
    };
    player.addEventListener("timeupdate", update);
    player.addEventListener("seeked", update);
  };

  document.querySelectorAll(PLAYERS).forEach(follow);
})();

// The page's behaviour: drop zone, upload with progress, the report in a frame, language re-runs.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("law-form"), fileInput = $("file"), drop = $("drop"), language = $("language");
  const status = $("status"), statusText = $("status-text"), progress = $("progress");
  const errorBox = $("error"), result = $("result");
  let timer = null;

  function show(element, visible) { element.hidden = !visible; }

  function describeFile() {
    const file = fileInput.files[0];
    const size = !file ? "" : file.size < 1048576 ? `${Math.max(1, Math.round(file.size / 1024))} KB`
      : `${(file.size / 1048576).toFixed(1)} MB`;
    $("chosen").textContent = file ? `Chosen: ${file.name} (${size})` : "";
  }

  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      fileInput.files = event.dataTransfer.files;
      describeFile();
    }
  });
  fileInput.addEventListener("change", describeFile);

  function stopTimer() { if (timer) { clearInterval(timer); timer = null; } }

  function analysing() {
    const started = Date.now();
    progress.removeAttribute("value");  // indeterminate while the server works
    statusText.textContent = "Analysing the law…";
    stopTimer();
    timer = setInterval(() => {
      statusText.textContent = `Analysing the law… ${Math.round((Date.now() - started) / 1000)} s`;
    }, 1000);
  }

  function fail(message) {
    stopTimer();
    show(status, false);
    errorBox.textContent = message;
    show(errorBox, true);
  }

  function errorMessage(xhr) {
    try {
      const error = JSON.parse(xhr.responseText).error;
      const where = error.file ? `${error.file}${error.line ? ":" + error.line : ""}: ` : "";
      return `${where}${error.code} ${error.message}`;
    } catch (e) {
      return `The server answered ${xhr.status} ${xhr.statusText || ""}`.trim();
    }
  }

  function link(item) {
    const a = document.createElement("a");
    a.href = item.url;
    a.textContent = item.label;
    a.setAttribute("download", item.name);
    return a;
  }

  function render(data) {
    stopTimer();
    show(status, false);
    $("result-title").textContent = data.title || data.name;
    const counts = Object.entries(data.severities).filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`).join(", ");
    $("result-summary").textContent =
      `${data.findings} finding${data.findings === 1 ? "" : "s"}${counts ? " (" + counts + ")" : ""} in ${data.name}.`;
    const detected = language.querySelector(`option[value="${data.detected_language}"]`);
    $("detected").textContent = data.language === data.detected_language
      ? `Detected: ${detected ? detected.textContent : data.detected_language}. Change it to read the law again.`
      : `Read as ${data.language} (detected: ${data.detected_language}).`;
    const downloads = $("downloads");
    downloads.replaceChildren(...data.downloads.map(link));
    show($("changes-link"), Boolean(data.changes));
    if (data.changes) { $("changes").href = data.changes; }
    $("report").src = data.report;
    $("open-report").href = data.report;
    show(result, true);
  }

  function submit() {
    show(errorBox, false);
    show(status, true);
    progress.value = 0;
    statusText.textContent = "Uploading…";
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) {
        progress.value = Math.round((100 * event.loaded) / event.total);
        statusText.textContent = `Uploading… ${progress.value} %`;
      }
    });
    xhr.upload.addEventListener("load", analysing);
    xhr.addEventListener("load", () => {
      if (xhr.status === 200) { render(JSON.parse(xhr.responseText)); } else { fail(errorMessage(xhr)); }
    });
    xhr.addEventListener("error", () => fail("The connection to the server failed. Is lintlaw serve still running?"));
    xhr.send(new FormData(form));
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); submit(); });
  language.addEventListener("change", () => { if (!result.hidden) { submit(); } });
})();

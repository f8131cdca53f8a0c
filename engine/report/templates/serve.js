// serve.js — the serve page's one script (inline, allowed by the page's CSP nonce): posts the
// draft to /api/check with the page's token and shows the HTML report in the sandboxed frame.
(function () {
  const token = document.querySelector('meta[name="claimcheck-token"]').content;
  const draft = document.getElementById('draft');
  const file = document.getElementById('file');
  const clearFile = document.getElementById('clear-file');
  const format = document.getElementById('format');
  const check = document.getElementById('check');
  const status = document.getElementById('status');
  const report = document.getElementById('report');
  const byExtension = { txt: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html',
                        docx: 'docx', pdf: 'pdf' };

  function setStatus(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  file.addEventListener('change', function () {
    const f = file.files[0];
    clearFile.hidden = !f;
    if (!f) return;
    const ext = f.name.split('.').pop().toLowerCase();
    if (byExtension[ext]) format.value = byExtension[ext];
    setStatus('Will check the file ' + f.name + '.', false);
  });
  clearFile.addEventListener('click', function () {
    file.value = '';
    clearFile.hidden = true;
    setStatus('', false);
  });

  function fitReport() {
    try {
      const doc = report.contentDocument;
      if (doc && doc.documentElement)
        report.style.height = (doc.documentElement.scrollHeight + 24) + 'px';
    } catch (e) { /* the frame is not ours to measure */ }
  }
  report.addEventListener('load', fitReport);

  check.addEventListener('click', async function () {
    const f = file.files[0];
    const body = f ? await f.arrayBuffer() : draft.value;
    if ((f && f.size === 0) || (!f && draft.value.trim() === '')) {
      setStatus('Paste a draft or choose a file first.', true);
      return;
    }
    check.disabled = true;
    setStatus('Checking…', false);
    try {
      const url = '/api/check?format=' + encodeURIComponent(format.value) + '&report=html';
      const res = await fetch(url, { method: 'POST', body: body,
                                     headers: { 'Content-Type': 'application/octet-stream',
                                                'X-Claimcheck-Token': token } });
      if (!res.ok) {
        let message = res.status + ' ' + res.statusText;
        try { message = (await res.json()).error || message; } catch (e) {}
        setStatus(message, true);
        return;
      }
      report.srcdoc = await res.text();
      report.hidden = false;
      setStatus('Checked.', false);
    } catch (e) {
      setStatus('The server did not answer: ' + e.message, true);
    } finally {
      check.disabled = false;
    }
  });
})();

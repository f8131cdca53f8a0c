// peer_rt.js — the peer extractor of the figures benchmark: Microsoft
// Recognizers-Text (English) over each sentence, its results mapped to the
// benchmark's figure model. Reads a JSON array of sentences on stdin, writes a
// JSON array (one list of figures per sentence) on stdout; score.py scores it
// with the same code as claimcheck. The mapping is described in README.md.
'use strict';
const R = require('@microsoft/recognizers-text-suite');

const C = R.Culture.English;

// Typed results win over bare numbers on the same text; among overlapping
// results the longest span wins, then this order ("£4m": currency £4 beats
// dimension 4 metres only when it is longer, so the order breaks ties only).
const PRIORITY = { currency: 0, percentage: 1, duration: 2, age: 3, dimension: 4, temperature: 5, number: 6 };

// "P3M" -> [3, "month"], "PT2H" -> [2, "hour"]; null for anything else.
function duration_of(timex) {
  const m = /^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$/.exec(timex || '');
  if (!m) return null;
  const time = m[1] === 'T';
  const unit = { Y: 'year', W: 'week', D: 'day', H: 'hour', S: 'second' }[m[3]] || (time ? 'minute' : 'month');
  return [Number(m[2]), unit];
}

function figure(kind, r, fields) {
  // Recognizers-Text spans are [start, end] with end inclusive.
  return Object.assign({ kind, start: r.start, end: r.end + 1, text: r.text, value: null, high: null,
                         unit: 'count', unit_text: null, per: null, change: 'none', direction: 'none' }, fields);
}

function recognize(s) {
  const out = [];
  const blocked = [];  // dates and times: the numbers inside them are not figures
  for (const r of R.recognizeDateTime(s, C)) {
    const v = (r.resolution && r.resolution.values) || [];
    if (r.typeName === 'datetimeV2.duration' && v.length) {
      const d = duration_of(v[0].timex);
      if (d) out.push(figure('duration', r, { value: d[0], unit: 'duration', unit_text: d[1] }));
    } else {
      blocked.push([r.start, r.end + 1]);
    }
  }
  for (const r of R.recognizePercentage(s, C)) {
    out.push(figure('percentage', r, { value: parseFloat(String(r.resolution.value).replace('%', '')), unit: 'percent' }));
  }
  for (const r of R.recognizeCurrency(s, C)) {
    const res = r.resolution || {};
    out.push(figure('currency', r, { value: parseFloat(res.value), unit: 'currency',
                                     unit_text: res.isoCurrency || res.unit || null }));
  }
  for (const r of R.recognizeDimension(s, C)) {
    const res = r.resolution || {};
    out.push(figure('dimension', r, { value: parseFloat(res.value), unit: 'other', unit_text: res.unit || null }));
  }
  for (const r of R.recognizeTemperature(s, C)) {
    const res = r.resolution || {};
    out.push(figure('temperature', r, { value: parseFloat(res.value), unit: 'other', unit_text: res.unit || null }));
  }
  for (const r of R.recognizeAge(s, C)) {
    const res = r.resolution || {};
    out.push(figure('age', r, { value: parseFloat(res.value), unit: 'duration',
                                unit_text: String(res.unit || '').toLowerCase() || null }));
  }
  for (const r of R.recognizeNumber(s, C)) {
    out.push(figure('number', r, { value: parseFloat(r.resolution.value), unit: 'count' }));
  }
  const inside = (f, [a, b]) => f.start >= a && f.end <= b;
  const kept = [];
  const order = out
    .filter((f) => f.kind === 'currency' || f.kind === 'percentage' || f.kind === 'duration' ||
                   !blocked.some((b) => inside(f, b)))
    .filter((f) => Number.isFinite(f.value))
    .sort((a, b) => (b.end - b.start) - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  for (const f of order) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const sentences = JSON.parse(input);
  process.stdout.write(JSON.stringify(sentences.map(recognize)));
});

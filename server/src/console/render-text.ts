/**
 * An answer's markdown as terminal text: links as their label (`javascript/report.js:7`) or with
 * their address, escapes and emphasis removed, code blocks indented. It reads the subset of
 * markdown that markdown.ts writes.
 */

/** Renders one line's inline markdown as plain text. */
export function inlineText(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      out += line[i + 1];
      i += 2;
    } else if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      if (close < 0) {
        out += run;
        i += run.length;
        continue;
      }
      let content = line.slice(i + run.length, close);
      if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ')) content = content.slice(1, -1);
      out += `\`${content}\``;
      i = close + run.length;
    } else if (c === '[') {
      const link = /^\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/.exec(line.slice(i));
      if (!link) {
        out += c;
        i++;
        continue;
      }
      const label = inlineText(link[1]);
      out += link[2].startsWith('file:') ? label : `${label} <${decodeURI(link[2])}>`;
      i += link[0].length;
    } else if (line.startsWith('**', i)) {
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function renderText(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,})\S*\s*$/.exec(line);
    if (fence) {
      for (i++; i < lines.length && lines[i] !== fence[1]; i++) out.push(lines[i] ? `    ${lines[i]}` : '');
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const title = inlineText(heading[2]);
      out.push(title);
      if (heading[1].length <= 3) out.push('─'.repeat(Math.min(title.length, 72)));
      continue;
    }
    out.push(inlineText(line));
  }
  return out.join('\n');
}

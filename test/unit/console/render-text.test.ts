/**
 * An answer's markdown as a terminal shows it: links as their `file:line` label, web links with
 * their address, escapes and emphasis gone, code blocks indented.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocks, bold, bullets, code, codeBlock, heading, link, text } from '../../../server/src/console/markdown';
import { renderText } from '../../../server/src/console/render-text';

test('renders the markdown answers are made of as plain terminal text', () => {
  const markdown = blocks(
    heading(`Why ${code('loadCustomers')} is slow`),
    `${link('javascript/report.js:7', 'file:///w/javascript/report.js#L7')} took ${bold('55.2% of CPU time')} — ${text('<img src=x> & *stars* [x]')}`,
    bullets([`${code('a`b')} and ${code('``')}`, `see ${link('Prisma docs', 'https://www.prisma.io/docs(x)')}`]),
    codeBlock('for (const o of orders) {\n  q(o);\n}', 'javascript'),
    '#### 2. Next',
  );
  assert.equal(
    renderText(markdown),
    [
      'Why `loadCustomers` is slow',
      '───────────────────────────',
      '',
      'javascript/report.js:7 took 55.2% of CPU time — <img src=x> & *stars* [x]',
      '',
      '- `a`b` and ````',
      '- see Prisma docs <https://www.prisma.io/docs(x)>',
      '',
      '    for (const o of orders) {',
      '      q(o);',
      '    }',
      '',
      '2. Next',
    ].join('\n'),
  );
});

/**
 * A workspace whose profile names its functions `<img src=x onerror=alert(1)>`,
 * `</script><script>alert(2)</script>` and `[click](javascript:alert(3))`, for the tests that
 * check answers render as text. The code is ordinary: an N+1 query at app.js:5.
 */
export const IMG = '<img src=x onerror=alert(1)>';
export const SCRIPT = '</script><script>alert(2)</script>';
export const LINK = '[click](javascript:alert(3))';

const APP = `// Hostile names live in the profile; the code is ordinary.
function handler(db, ids) {
  const rows = [];
  for (const id of ids) {
    rows.push(db.query('SELECT * FROM t WHERE id = ?', [id]));
  }
  return rows;
}

function helper() {
  return 1;
}
`;

const FOLDED = [
  `main (app.js:2);${IMG} (app.js:5) 60`,
  `main (app.js:2);${SCRIPT} (app.js:10) 30`,
  `main (app.js:2);${LINK} 10`,
  '',
].join('\n');

/** The workspace's files; the profile is hostile.folded. */
export const HOSTILE_WORKSPACE = { 'app.js': APP, 'hostile.folded': FOLDED };

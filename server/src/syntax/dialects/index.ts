import type { Dialect } from '../dialect';
import type { GrammarId } from '../languages';
import { go } from './go';
import { java } from './java';
import { javascript, typescript } from './javascript';
import { python } from './python';

const DIALECTS: Record<GrammarId, Dialect> = { python, javascript, typescript, tsx: typescript, go, java };

export function dialectFor(grammar: GrammarId): Dialect {
  return DIALECTS[grammar];
}

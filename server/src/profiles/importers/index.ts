/**
 * Every profile importer, in the order sniffing tries them: binary and strongly marked formats
 * first, loose text formats (folded stacks) last.
 */
import type { Importer } from '../importer';

export const IMPORTERS: Importer[] = [];

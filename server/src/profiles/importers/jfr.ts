/**
 * Java Flight Recorder recordings (`.jfr`, JDK 9 and later: chunk format 1.x and 2.x), as written by
 * `java -XX:StartFlightRecording`, `jcmd JFR.dump` or JDK Mission Control. Execution samples,
 * native method samples and allocation events become sample types; frames are Java methods with
 * their class as `file` (see jfr/profile-builder.ts). The reader's parts live in jfr/.
 */
import { ProfileError, type Importer, type ProfileInput } from '../importer';
import type { Profile } from '../model';
import { CHUNK_MAGIC, readChunks } from './jfr/chunks';
import { JfrFormatError } from './jfr/cursor';
import { JfrProfileBuilder } from './jfr/profile-builder';

export const jfrImporter: Importer = {
  format: 'jfr',
  title: 'Java Flight Recorder recording (.jfr)',
  sniff(input: ProfileInput): boolean {
    return CHUNK_MAGIC.every((byte, i) => input.bytes[i] === byte);
  },
  read(input: ProfileInput): Profile {
    const builder = new JfrProfileBuilder();
    let durationNanos: number;
    try {
      durationNanos = readChunks(input.bytes, builder);
    } catch (error) {
      if (error instanceof JfrFormatError) throw new ProfileError(input.name, `not a readable JFR recording: ${error.message}`);
      throw error;
    }
    return builder.build('jfr', input.name, durationNanos);
  },
};

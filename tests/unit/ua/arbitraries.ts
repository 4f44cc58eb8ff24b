/** fast-check generators for values the builder must accept, shared by the property tests. */
import fc from 'fast-check';
import { NAME_CHARS, TCHARS } from './vectors.ts';

// Characters a shell or a string literal treats specially come up more often: that is where quoting breaks.
const QUOTING_HAZARDS = [..."$'`!&|%^*~#"];

const withHazards = (chars: string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...chars), weight: 3 }, { arbitrary: fc.constantFrom(...QUOTING_HAZARDS), weight: 1 });

export const validName = fc.string({ unit: withHazards(NAME_CHARS), minLength: 1, maxLength: 64 });
export const validVersion = fc.string({ unit: withHazards(TCHARS), minLength: 1, maxLength: 64 });
export const validInput = fc.record({ company: validName, product: validName, version: validVersion });

// Part 1 of 2 of the mutation fuzzing (test/support/mutation-fuzz.ts says what it checks and why it is split).
import { fuzzMutations } from './support/mutation-fuzz.ts';

fuzzMutations(0, 2);

// Made-up labelled texts for the probe tests: each label names its own topic word among shared filler.
import { seededRandom } from '../../../src/core/stats/random';

const TOPICS = ['card', 'flight', 'weather', 'music', 'recipe', 'alarm', 'transfer', 'insurance'];

/** `perClass` texts of each of `classes` labels: each names its topic word among shared filler words. */
export function labelledTexts(perClass: number, classes: number, seed: number): { texts: string[]; labels: Int32Array } {
  const random = seededRandom(seed);
  const filler = ['please', 'can', 'you', 'help', 'me', 'with', 'my', 'the', 'now', 'today', 'i', 'need'];
  const texts: string[] = [];
  const labels: number[] = [];
  for (let i = 0; i < perClass * classes; i++) {
    const label = i % classes;
    const words = Array.from({ length: 6 }, () => filler[Math.floor(random() * filler.length)]);
    words.splice(Math.floor(random() * 6), 0, TOPICS[label]);
    texts.push(words.join(' '));
    labels.push(label);
  }
  return { texts, labels: Int32Array.from(labels) };
}

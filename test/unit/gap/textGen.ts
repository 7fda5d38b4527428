// Seeded made-up texts for the gap tests: rows of words from topic word pools.
import { seededRandom, type Random } from '../../../src/core/stats/random';

export const TOPICS: Record<string, string[]> = {
  delivery: ['package', 'parcel', 'delivery', 'courier', 'shipping', 'tracking', 'arrive', 'address', 'late', 'shipped'],
  refund: ['refund', 'money', 'back', 'returned', 'charge', 'reimburse', 'credit', 'dispute', 'owed', 'repayment'],
  card: ['card', 'pin', 'blocked', 'stolen', 'contactless', 'expired', 'replacement', 'chip', 'frozen', 'atm'],
  travel: ['flight', 'hotel', 'trip', 'airport', 'passport', 'visa', 'luggage', 'boarding', 'itinerary', 'layover'],
  music: ['song', 'playlist', 'album', 'volume', 'artist', 'shuffle', 'lyrics', 'radio', 'track', 'speaker'],
  weather: ['rain', 'forecast', 'sunny', 'temperature', 'umbrella', 'snow', 'humid', 'windy', 'storm', 'degrees'],
  cooking: ['recipe', 'oven', 'bake', 'flour', 'simmer', 'ingredients', 'dinner', 'sauce', 'boil', 'chop'],
  mars: ['mars', 'rover', 'crater', 'martian', 'orbit', 'dust', 'olympus', 'regolith', 'phobos', 'deimos'],
};

const GLUE = ['i', 'my', 'the', 'a', 'is', 'can', 'you', 'please', 'how', 'what', 'when', 'do', 'need', 'help', 'with', 'about', 'where', 'why'];

export function pickOne<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

/** A row about `topic`: 5 topic words and 2 glue words in random order. */
export function topicRow(topic: string, random: Random): string {
  const words = [...Array.from({ length: 5 }, () => pickOne(TOPICS[topic], random)), ...Array.from({ length: 2 }, () => pickOne(GLUE, random))];
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

/** `n` rows spread evenly over the topics, with their topic as label. */
export function topicRows(topics: readonly string[], n: number, seed: number): { texts: string[]; labels: string[] } {
  const random = seededRandom(seed);
  const labels = Array.from({ length: n }, (_, i) => topics[i % topics.length]);
  return { texts: labels.map((t) => topicRow(t, random)), labels };
}

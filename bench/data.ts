// Where the benchmarks read their data: the public data kept in the repository (data/, see its README), or a
// bigger copy laid out the same way (clinc150/, banking77/, models/) named by SYNTHGAP_BENCH_DATA.
import { resolve } from 'node:path';

export const BENCH_DATA = resolve(process.env.SYNTHGAP_BENCH_DATA ?? resolve(__dirname, '../data'));

/** The Model2Vec model the benchmarks load as a user would (MIT, data/models/). */
export const BENCH_POTION = resolve(BENCH_DATA, 'models/potion-base-4m-int8');

import { resolve } from 'node:path';

/** The public intent data the tests draw from, kept in the repository (`data/`, see its README). */
export const REPO_DATA = resolve(__dirname, '../../data');

/** potion-base-4m-int8, the Model2Vec model the tests load as a user would (`data/models/`, MIT). */
export const POTION = resolve(REPO_DATA, 'models/potion-base-4m-int8');

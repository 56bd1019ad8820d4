/** Every migration, in order. Never edit a shipped one: add the next number. */
import type { Migration } from '../migrate';
import { installation } from './0001-installation';

export const migrations: readonly Migration[] = [installation];

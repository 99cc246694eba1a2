import type { Campaign } from '../domain/campaign.js';
import type { CliIO } from './io.js';

/** What every command gets: where to write, the clock, and the campaign templates. */
export interface CliContext {
  io: CliIO;
  now: () => Date;
  campaigns: ReadonlyMap<string, Campaign>;
}

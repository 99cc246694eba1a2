import type { MeetingMinutes } from '../domain/meeting-minutes.js';
import { minutesOf } from '../domain/minutes.js';
import { canonicalKey } from '../domain/text.js';
import type { CampaignRepository } from '../store/campaign-repository.js';
import { StoreError } from '../store/table-store.js';
import { readDecisions } from './read-decisions.js';

/**
 * The minutes (Biên bản họp xét) of one meeting of the council, from what is stored: the meeting named, else the
 * latest one. What the Word minutes print (docs/documents.md). Throws StoreError, in Vietnamese, when there is none.
 */
export async function meetingMinutes(repo: CampaignRepository, meetingId?: string): Promise<MeetingMinutes> {
  const evaluated = await readDecisions(repo);
  const meetings = [...evaluated.votes.meetings.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  const meeting = meetingId ? evaluated.votes.meetings.get(canonicalKey(meetingId)) : meetings.at(-1);
  const tab = repo.tab('councilMeeting').title;
  if (!meeting) {
    const known = meetings.map((m) => `"${m.id}"`).join(', ');
    throw new StoreError(meetingId ? `Không có phiên họp "${meetingId}" trong trang "${tab}"${known ? ` (các phiên họp: ${known})` : ''}.` : `Chưa ghi phiên họp nào của Hội đồng (trang "${tab}").`, { tab });
  }
  const nominations = new Map(evaluated.nominations.map((n) => [n.responseId, n]));
  return minutesOf(repo.campaign, meeting, evaluated.votes.all, evaluated.decisions, nominations);
}

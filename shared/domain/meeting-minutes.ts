/** What the minutes of the council's meeting (Biên bản họp xét) print: plain data, built from the vote record. */
export interface MeetingMinutes {
  meetingAt: Date;                 // time and date of the meeting
  place: string;                   // "Phòng họp UBND …"
  chair: string;                   // "Nguyễn Văn A – Chủ tịch UBND …, Chủ tịch Hội đồng"
  secretary: string;
  members: Array<{ name: string; role: string; present: boolean; writtenVote: boolean }>;
  agenda: string[];
  rows: Array<{
    responseId: string;
    nominee: string;           // name of the individual or collective
    unit: string;
    award: string;             // form of award as printed ("Giấy khen của Chủ tịch UBND huyện")
    votesFor: number;
    votesAgainst: number;
    abstain: number;
    total: number;             // members who voted (present + written)
    passed: boolean;
    note?: string;             // e.g. "Hội đồng biểu quyết chọn khi bằng điểm tại chỉ tiêu"
  }>;
  quorum: { present: number; members: number; reached: boolean };
}

/**
 * Where a printed sheet breaks into pages, from the row heights we set ourselves: a spreadsheet moves a row that does
 * not fit to the next page, and repeats the table header there. Lets a writer keep the signature block with the last
 * rows of the table instead of leaving it alone, or split, on a page of its own. Pure.
 */

const PT_PER_MM = 72 / 25.4;
/** A4 in points, and what the decree's 20 mm top and bottom margins leave of it. */
const PAGE = { portrait: 297 * PT_PER_MM, landscape: 210 * PT_PER_MM } as const;
const MARGINS = 40 * PT_PER_MM;
/** Pages after the first carry the page number above the body: measured on LibreOffice's output, about 10 pt. */
const NUMBER_ROOM = 12;

export class PageFill {
  private used = 0;
  private page = 1;

  /** `repeated`: the height of the table header repeated at the top of every page after the first. */
  constructor(
    private readonly orientation: 'portrait' | 'landscape',
    private readonly repeated: number,
  ) {}

  private roomOf(page: number): number {
    return PAGE[this.orientation] - MARGINS - (page > 1 ? NUMBER_ROOM + this.repeated : 0);
  }

  private get room(): number {
    return this.roomOf(this.page);
  }

  /** Places a row; true when it starts a new page. */
  add(height: number): boolean {
    if (this.used > 0 && this.used + height > this.room) {
      this.page += 1;
      this.used = height;
      return true;
    }
    this.used += height;
    return false;
  }

  /** Whether a block of this height still fits on the current page. */
  fits(height: number): boolean {
    return this.used + height <= this.room;
  }

  /** Whether a block of this height fits on a page of its own after this one (under the repeated table header). */
  fitsOnNextPage(height: number): boolean {
    return height <= this.roomOf(this.page + 1);
  }
}

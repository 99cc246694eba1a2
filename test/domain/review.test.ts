import { describe, expect, test } from 'vitest';
import { Review, reviewRefusal } from '../../shared/domain/review.js';

describe('a council review needs a reason where its appraisal asks for one', () => {
  test.each([
    ['Cần bổ sung hồ sơ', undefined, undefined, 'kết luận thẩm định "Cần bổ sung hồ sơ" phải ghi lý do (cột "Lý do"); chưa ghi nhận'],
    ['Không đủ điều kiện', '   ', undefined, 'kết luận thẩm định "Không đủ điều kiện" phải ghi lý do (cột "Lý do"); chưa ghi nhận'],
    ['not-eligible', undefined, '', 'kết luận thẩm định "Không đủ điều kiện" phải ghi lý do (cột "Lý do"); chưa ghi nhận'],
    ['Cần bổ sung hồ sơ', 'Thiếu biên bản họp xét', undefined, undefined],
    ['Không đủ điều kiện', undefined, 'Lý do đã ghi trên trang tính', undefined],
    ['Đủ điều kiện', undefined, undefined, undefined],
    [undefined, undefined, undefined, undefined],
  ])('appraisal %j with reason %j (stored reason %j) is refused with %j', (appraisal, reason, stored, expected) => {
    const review = Review.parse({ responseId: 'p0', appraisal, reason });
    expect(reviewRefusal(review, stored)).toBe(expected);
  });
});

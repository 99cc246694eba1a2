/**
 * thi-dua — gửi từng câu trả lời của biểu mẫu đề nghị khen thưởng tới hàm `intake`, rồi gửi thư biên nhận
 * (kèm đường dẫn trạng thái của hồ sơ) cho người nộp.
 *
 * Cài đặt (chi tiết: README, mục "Cloud Functions" → "Apps Script"):
 *   1. Mở biểu mẫu → ⋮ → Trình chỉnh sửa tập lệnh (Apps Script). Dán tệp này vào Code.gs, và appsscript.json
 *      (cùng thư mục) vào tệp kê khai (Cài đặt dự án → Hiện tệp kê khai "appsscript.json").
 *   2. Cài đặt dự án → Thuộc tính tập lệnh: THIDUA_INTAKE_URL = địa chỉ của hàm intake (https://…/intake).
 *   3. Chạy `installTrigger` một lần (cho phép các quyền được hỏi).
 *   4. Chạy `showIdentityTokenAudience` một lần: ghi giá trị "aud" in ra vào THIDUA_OIDC_AUDIENCES của các hàm, và
 *      email in ra vào THIDUA_ALLOWED_CALLERS.
 *   5. Thư biên nhận: gửi bằng MailApp từ chính tập lệnh này (quyền script.send_mail trong appsscript.json), tới
 *      email người trả lời (nếu biểu mẫu thu thập email) hoặc câu "Thư điện tử liên hệ". Đã cài từ bản trước thì
 *      chạy lại `installTrigger` một lần để cấp quyền gửi thư.
 *
 * Không ghi nội dung hồ sơ hay địa chỉ email vào nhật ký: chỉ mã phản hồi, mã trạng thái HTTP và kết quả.
 * Gửi lỗi cũng không sao: hàm formSync (Cloud Scheduler) sẽ lấy lại các câu trả lời bị sót.
 */

var MAX_ATTEMPTS = 3;
/** The contact question of the form (`thidua form create` names it so): where the receipt goes without a collected email. */
var CONTACT_EMAIL_TITLE = 'Thư điện tử liên hệ';

/** Creates the installable "on form submit" trigger of this form (once). */
function installTrigger() {
  var form = FormApp.getActiveForm();
  ScriptApp.getProjectTriggers()
    .filter(function (t) { return t.getHandlerFunction() === 'sendResponseToThidua'; })
    .forEach(function (t) { ScriptApp.deleteTrigger(t); });
  ScriptApp.newTrigger('sendResponseToThidua').forForm(form).onFormSubmit().create();
  console.log('thi-dua: đã cài trình kích hoạt gửi hồ sơ cho biểu mẫu ' + form.getId());
}

/** Prints the audience and email of this script's identity tokens, to configure the functions' auth. */
function showIdentityTokenAudience() {
  var token = ScriptApp.getIdentityToken();
  var payload = JSON.parse(Utilities.newBlob(Utilities.base64DecodeWebSafe(token.split('.')[1])).getDataAsString());
  console.log('THIDUA_OIDC_AUDIENCES=' + payload.aud + '   THIDUA_ALLOWED_CALLERS=' + payload.email);
}

/** The trigger: posts the response to `intake` with an identity token; retries a few times on 5xx or 429. */
function sendResponseToThidua(e) {
  var url = PropertiesService.getScriptProperties().getProperty('THIDUA_INTAKE_URL');
  if (!url) {
    console.error('thi-dua: chưa đặt thuộc tính THIDUA_INTAKE_URL');
    return;
  }
  var response = e.response;
  var payload = {
    formResponse: {
      formId: e.source.getId(),
      responseId: response.getId(),
      lastSubmittedTime: response.getTimestamp().toISOString(),
      respondentEmail: response.getRespondentEmail() || undefined,
      answers: response.getItemResponses().map(function (r) {
        var value = r.getResponse();
        return { title: r.getItem().getTitle(), values: Array.isArray(value) ? value.map(String) : [String(value)] };
      }),
    },
  };
  var options = {
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(payload),
    headers: { Authorization: 'Bearer ' + ScriptApp.getIdentityToken() },
    muteHttpExceptions: true,
  };
  for (var attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    var answer = UrlFetchApp.fetch(url, options);
    var status = answer.getResponseCode();
    var body = {};
    try {
      body = JSON.parse(answer.getContentText()) || {};
    } catch (ignored) {}
    var outcome = body.outcome || '';
    if (status < 500 && status !== 429) {
      var line = 'thi-dua: ' + response.getId() + ' → HTTP ' + status + ' ' + outcome;
      if (status >= 400 && status !== 400) console.error(line);
      else console.log(line);
      try {
        sendReceipt(response, status, body, attempt);
      } catch (error) {
        console.error('thi-dua: không gửi được thư biên nhận ' + response.getId() + ': ' + error);
      }
      return;
    }
    console.warn('thi-dua: ' + response.getId() + ' → HTTP ' + status + ', thử lại (' + attempt + '/' + MAX_ATTEMPTS + ')');
    Utilities.sleep(2000 * attempt);
  }
  console.error('thi-dua: không gửi được ' + response.getId() + '; formSync sẽ lấy lại sau.');
}

/** Where the receipt goes: the respondent's collected email, else the answer to the contact question; '' if none. */
function receiptRecipient(response) {
  var email = response.getRespondentEmail() || '';
  if (!email) {
    response.getItemResponses().forEach(function (r) {
      if (!email && r.getItem().getTitle() === CONTACT_EMAIL_TITLE) email = String(r.getResponse() || '').trim();
    });
  }
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : '';
}

/**
 * Emails the respondent a receipt in Vietnamese: for a nomination taken in (201) or updated (200), its status link —
 * the page showing its status, what to fix and the deadline; for a refused one (400), why, point by point. Sent with
 * MailApp from this script, so the functions need no mail permission. A repeated delivery sends nothing again.
 */
function sendReceipt(response, status, body, attempt) {
  var to = receiptRecipient(response);
  if (!to) return;
  if (body.outcome === 'duplicate' && attempt === 1) return; // the trigger ran twice: the first run sent the receipt
  var id = response.getId();
  var subject;
  var lines = ['Kính gửi đơn vị,', ''];
  if ((status === 201 || status === 200) && body.statusUrl) {
    var who = body.nominee ? ' của ' + body.nominee : '';
    subject = 'Biên nhận hồ sơ đề nghị khen thưởng' + (body.nominee ? ': ' + body.nominee : '');
    lines.push(
      (body.outcome === 'updated' ? 'Hội đồng Thi đua - Khen thưởng đã nhận bản sửa hồ sơ đề nghị khen thưởng' : 'Hội đồng Thi đua - Khen thưởng đã tiếp nhận hồ sơ đề nghị khen thưởng') + who + ' (mã hồ sơ ' + id + ').',
    );
    if (body.statusLabel) lines.push('Tình trạng hiện nay: ' + body.statusLabel + '.');
    lines.push(
      '',
      'Xem tình trạng, kết quả kiểm tra, những điểm cần bổ sung và thời hạn tại:',
      body.statusUrl,
      '',
      'Đường dẫn này dành riêng cho hồ sơ của đơn vị, mở được không cần đăng nhập: xin đừng chia sẻ công khai.',
    );
  } else if (status === 400) {
    subject = 'Hồ sơ đề nghị khen thưởng chưa được tiếp nhận';
    lines.push('Hồ sơ đề nghị khen thưởng gửi qua biểu mẫu (mã ' + id + ') chưa được tiếp nhận vì:');
    (body.findings || []).forEach(function (f) {
      lines.push('  - ' + f.message);
    });
    lines.push('', 'Xin sửa các điểm trên rồi gửi lại biểu mẫu (hoặc sửa câu trả lời đã gửi).');
  } else {
    return;
  }
  lines.push('', 'Thư gửi tự động từ biểu mẫu đề nghị khen thưởng; xin không trả lời thư này.');
  if (MailApp.getRemainingDailyQuota() < 1) {
    console.warn('thi-dua: hết hạn mức gửi thư hôm nay; chưa gửi biên nhận ' + id);
    return;
  }
  MailApp.sendEmail({ to: to, subject: subject, body: lines.join('\n'), name: 'Thi đua - Khen thưởng' });
  console.log('thi-dua: đã gửi thư biên nhận ' + id);
}

/**
 * thi-dua — gửi từng câu trả lời của biểu mẫu đề nghị khen thưởng tới hàm `intake`.
 *
 * Cài đặt (chi tiết: README, mục "Cloud Functions" → "Apps Script"):
 *   1. Mở biểu mẫu → ⋮ → Trình chỉnh sửa tập lệnh (Apps Script). Dán tệp này vào Code.gs, và appsscript.json
 *      (cùng thư mục) vào tệp kê khai (Cài đặt dự án → Hiện tệp kê khai "appsscript.json").
 *   2. Cài đặt dự án → Thuộc tính tập lệnh: THIDUA_INTAKE_URL = địa chỉ của hàm intake (https://…/intake).
 *   3. Chạy `installTrigger` một lần (cho phép các quyền được hỏi).
 *   4. Chạy `showIdentityTokenAudience` một lần: ghi giá trị "aud" in ra vào THIDUA_OIDC_AUDIENCES của các hàm, và
 *      email in ra vào THIDUA_ALLOWED_CALLERS.
 *
 * Không ghi nội dung hồ sơ vào nhật ký: chỉ mã phản hồi, mã trạng thái HTTP và kết quả.
 * Gửi lỗi cũng không sao: hàm formSync (Cloud Scheduler) sẽ lấy lại các câu trả lời bị sót.
 */

var MAX_ATTEMPTS = 3;

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
    var outcome = '';
    try {
      outcome = JSON.parse(answer.getContentText()).outcome || '';
    } catch (ignored) {}
    if (status < 500 && status !== 429) {
      var line = 'thi-dua: ' + response.getId() + ' → HTTP ' + status + ' ' + outcome;
      if (status >= 400 && status !== 400) console.error(line);
      else console.log(line);
      return;
    }
    console.warn('thi-dua: ' + response.getId() + ' → HTTP ' + status + ', thử lại (' + attempt + '/' + MAX_ATTEMPTS + ')');
    Utilities.sleep(2000 * attempt);
  }
  console.error('thi-dua: không gửi được ' + response.getId() + '; formSync sẽ lấy lại sau.');
}

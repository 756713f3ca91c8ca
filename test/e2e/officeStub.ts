/**
 * A stand-in for office.js, served instead of Microsoft's loader so the built pane starts as it does
 * inside Excel: Office.onReady reports Excel, ribbon functions are associated into
 * `window.__ribbon`, cell functions are associated with nothing, and every Excel.run fails with the error Excel gives for a protected workbook.
 * It proves the pane's wiring (which adapter, where ribbon results show), not Excel's behaviour.
 */
export const OFFICE_STUB = `
(function () {
  window.__ribbon = {};
  var info = { host: "Excel", platform: "PC" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    context: {
      platform: "PC",
      displayLanguage: "en-GB",
      officeTheme: { isDarkTheme: false },
      requirements: { isSetSupported: function () { return false; } },
    },
    onReady: function (callback) {
      if (callback) setTimeout(function () { callback(info); }, 0);
      return Promise.resolve(info);
    },
    actions: { associate: function (id, handler) { window.__ribbon[id] = handler; } },
    addin: { showAsTaskpane: function () { return Promise.resolve(); } },
    ribbon: { requestUpdate: function () { return Promise.resolve(); } },
  };
  window.CustomFunctions = {
    associate: function () {},
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  window.Excel = {
    run: function () {
      return Promise.reject({ code: "AccessDenied", message: "The workbook is protected." });
    },
  };
})();
`;

/**
 * What Excel adds to the address of the page it opens (Windows desktop's form): office.js reads the
 * host from it, and taskpane.html loads office.js and the cell functions only where a host is there.
 * A test that stands in for Excel opens `taskpane.html${EXCEL_QUERY}`.
 */
export const EXCEL_QUERY = "?_host_Info=Excel$Win32$16.01$en-GB$$$$0";

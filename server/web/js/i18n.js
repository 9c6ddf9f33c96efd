// i18n — every string of the console in Arabic and English, in one table, and the
// switch between them. Arabic (RTL) is the default; the choice is kept in
// localStorage. The browser shapes Arabic itself: we only set lang and dir.

const STRINGS = {
  app_name: ['دور — لوحة الموظفين', 'Dawr — staff console'],
  skip_main: ['انتقل إلى المحتوى', 'Skip to content'],
  lang_switch: ['English', 'العربية'],
  lang_switch_label: ['التبديل إلى الإنجليزية', 'Switch to Arabic'],
  nav: ['التنقل الرئيسي', 'Main navigation'],
  nav_counters: ['الشبابيك', 'Counters'],
  nav_applications: ['الطلبات', 'Applications'],
  nav_reports: ['التقارير', 'Reports'],
  nav_admin: ['الإدارة', 'Administration'],
  logout: ['تسجيل الخروج', 'Log out'],
  offline: ['انقطع الاتصال بالخادم — تجري إعادة المحاولة تلقائياً…', 'Connection to the server lost — reconnecting automatically…'],
  loading: ['جارٍ التحميل…', 'Loading…'],
  network_error: ['تعذر الوصول إلى الخادم', 'Could not reach the server'],
  forbidden_page: ['لا تملك صلاحية هذه الصفحة', 'You do not have access to this page'],
  saved: ['تم الحفظ', 'Saved'],
  save: ['حفظ', 'Save'],
  add: ['إضافة', 'Add'],
  yes: ['نعم', 'Yes'],
  no: ['لا', 'No'],
  none: ['—', '—'],
  // login
  login_title: ['تسجيل دخول الموظفين', 'Staff sign-in'],
  username: ['اسم المستخدم', 'Username'],
  password: ['كلمة المرور', 'Password'],
  login: ['دخول', 'Sign in'],
  // roles
  role_admin: ['مدير النظام', 'Administrator'],
  role_manager: ['مدير', 'Manager'],
  role_reception: ['الاستقبال', 'Reception'],
  role_researcher: ['باحث اجتماعي', 'Social researcher'],
  // choose counter
  choose_title: ['اختر الشباك', 'Choose your counter'],
  counter_open: ['مفتوح', 'Open'],
  counter_closed: ['مغلق', 'Closed'],
  counter_services: ['الخدمات', 'Services'],
  open_counter: ['فتح هذا الشباك', 'Open this counter'],
  no_counters: ['لا توجد شبابيك', 'No counters'],
  // counter page
  counter_title: ['الشباك {n}', 'Counter {n}'],
  current_ticket: ['التذكرة الحالية', 'Current ticket'],
  no_current: ['لا توجد تذكرة حالية. اضغط «نداء التالي» أو مفتاح المسافة.', 'No current ticket. Press “Call next” or the Space key.'],
  waited: ['مدة الانتظار', 'Waited'],
  state: ['الحالة', 'State'],
  service: ['الخدمة', 'Service'],
  call_next: ['نداء التالي', 'Call next'],
  space_hint: ['(مفتاح المسافة)', '(Space key)'],
  recall: ['إعادة النداء', 'Recall'],
  start_service: ['بدء الخدمة', 'Start service'],
  done: ['إنهاء', 'Done'],
  no_show: ['لم يحضر', 'No-show'],
  restore: ['إعادة إلى الانتظار', 'Back to the queue'],
  transfer: ['تحويل', 'Transfer'],
  transfer_to: ['تحويل إلى خدمة', 'Transfer to service'],
  note: ['ملاحظة', 'Note'],
  transfer_note: ['ملاحظة التحويل', 'Transfer note'],
  nobody_waiting: ['لا أحد في الانتظار', 'Nobody is waiting'],
  kiosk_printer: ['الطابعة في الكشك «{d}»: {s}', 'Kiosk printer ({d}): {s}'],
  printer_paper_out: ['نفد الورق', 'out of paper'],
  printer_paper_low: ['الورق على وشك النفاد', 'paper nearly out'],
  printer_cover_open: ['الغطاء مفتوح', 'cover open'],
  printer_offline: ['غير متصلة', 'offline'],
  printer_cutter: ['القاطع عالق', 'cutter jammed'],
  printer_unplugged: ['مفصولة', 'unplugged'],
  printer_not_found: ['غير موجودة', 'not found'],
  printer_error: ['لا تطبع', 'not printing'],
  waiting_list: ['قائمة الانتظار', 'Waiting list'],
  recent_calls: ['آخر النداءات', 'Recent calls'],
  no_calls: ['لا نداءات بعد', 'No calls yet'],
  to_counter: ['← شباك {n}', '→ counter {n}'],
  priority: ['أولوية', 'Priority'],
  transferred_from: ['محوّل', 'Transferred'],
  close_counter: ['إغلاق الشباك', 'Close counter'],
  change_counter: ['تغيير الشباك', 'Change counter'],
  recalls: ['مرات النداء', 'Recalls'],
  ticket_done: ['انتهت خدمة {l}', '{l} served'],
  ticket_transferred: ['حُوّلت {l} إلى {s}', '{l} transferred to {s}'],
  // ticket states
  st_waiting: ['في الانتظار', 'Waiting'],
  st_called: ['تم النداء', 'Called'],
  st_serving: ['قيد الخدمة', 'Being served'],
  st_done: ['انتهت', 'Done'],
  st_no_show: ['لم يحضر', 'No-show'],
  st_transferred: ['محوّلة', 'Transferred'],
  st_cancelled: ['ملغاة', 'Cancelled'],
  // applications
  applications_title: ['طلبات الدعم', 'Support applications'],
  linked_application: ['الطلب المرتبط', 'Linked application'],
  application: ['الطلب', 'Application'],
  signature: ['توقيع مقدم الطلب', 'Applicant\'s signature'],
  signature_alt: ['توقيع مقدم الطلب {r}', 'Signature on application {r}'],
  no_application: ['لا يوجد طلب مرتبط بهذه التذكرة', 'No application is linked to this ticket'],
  app_hidden: ['لا يمكن لهذا الدور عرض الطلبات', 'This role cannot see applications'],
  filter_status: ['الحالة', 'Status'],
  all: ['الكل', 'All'],
  overdue_only: ['المتأخرة فقط', 'Overdue only'],
  search_nid: ['بحث برقم الهوية', 'Search by national ID'],
  search: ['بحث', 'Search'],
  reference: ['المرجع', 'Reference'],
  name: ['الاسم', 'Name'],
  nid: ['رقم الهوية / الإقامة', 'National ID / iqama'],
  mobile: ['الجوال', 'Mobile'],
  city: ['المدينة', 'City'],
  district: ['الحي', 'District'],
  family_members: ['عدد أفراد الأسرة', 'Family members'],
  income: ['الدخل الشهري (ريال)', 'Monthly income (SAR)'],
  housing: ['السكن', 'Housing'],
  housing_owned: ['ملك', 'Owned'],
  housing_rented: ['إيجار', 'Rented'],
  housing_other: ['أخرى', 'Other'],
  support_type: ['نوع الدعم', 'Support type'],
  apps_by_support: ['الطلبات حسب نوع الدعم', 'Applications by support type'],
  notes: ['ملاحظات', 'Notes'],
  channel: ['القناة', 'Channel'],
  ch_kiosk: ['الكشك', 'Kiosk'],
  ch_staff: ['الموظفون', 'Staff'],
  ch_web: ['الموقع', 'Web'],
  submitted_at: ['تاريخ التقديم', 'Submitted'],
  due_at: ['موعد القرار', 'Decision due'],
  overdue: ['متأخر', 'Overdue'],
  duplicate: ['هوية مكررة', 'Duplicate ID'],
  duplicate_of: ['يوجد طلب مفتوح آخر لنفس الهوية (رقم {n})', 'Another open application has the same ID (#{n})'],
  masked_note: ['رقم الهوية والجوال مخفيان لهذا الدور', 'National ID and mobile are masked for this role'],
  no_applications: ['لا توجد طلبات', 'No applications'],
  app_status_submitted: ['مقدَّم', 'Submitted'],
  app_status_verified: ['تم التحقق', 'Verified'],
  app_status_under_review: ['قيد الدراسة', 'Under review'],
  app_status_accepted: ['مقبول', 'Accepted'],
  app_status_rejected: ['مرفوض', 'Rejected'],
  app_status_needs_info: ['يحتاج معلومات', 'Needs information'],
  verify_title: ['التحقق من المستندات الأصلية', 'Check against the original documents'],
  verify_hint: ['أكّد كل حقل بعد مطابقته مع المستند الأصلي.', 'Confirm each field after matching it with the original document.'],
  confirm_field: ['مطابق: {f}', 'Matches: {f}'],
  verify: ['تأكيد التحقق', 'Mark verified'],
  verified_at: ['تاريخ التحقق', 'Verified'],
  decide_title: ['قرار لجنة البحث', 'Committee decision'],
  decision: ['القرار', 'Decision'],
  decide: ['تسجيل القرار', 'Record decision'],
  decision_note: ['ملاحظة القرار', 'Decision note'],
  open_application: ['عرض', 'Open'],
  details: ['التفاصيل', 'Details'],
  close: ['إغلاق', 'Close'],
  // reports
  reports_title: ['التقارير', 'Reports'],
  from: ['من', 'From'],
  to: ['إلى', 'To'],
  show: ['عرض', 'Show'],
  download_csv: ['تنزيل CSV', 'Download CSV'],
  issued: ['صادرة', 'Issued'],
  called: ['منادى', 'Called'],
  served: ['منجزة', 'Done'],
  no_shows: ['لم يحضر', 'No-show'],
  transferred: ['محوّلة', 'Transferred'],
  waiting_now: ['تنتظر', 'Waiting'],
  wait_p50: ['انتظار (الوسيط)', 'Wait p50'],
  wait_p90: ['انتظار (٩٠٪)', 'Wait p90'],
  service_mean: ['مدة الخدمة (متوسط)', 'Service time (mean)'],
  service_p50: ['مدة الخدمة (الوسيط)', 'Service time p50'],
  rating_avg: ['متوسط التقييم', 'Average rating'],
  ratings: ['التقييمات', 'Ratings'],
  by_service: ['حسب الخدمة', 'By service'],
  by_counter: ['حسب الشباك', 'By counter'],
  by_staff: ['حسب الموظف', 'By staff'],
  satisfaction: ['رضا المستفيدين', 'Satisfaction'],
  applications_summary: ['الطلبات', 'Applications'],
  apps_submitted: ['مقدمة في الفترة', 'Submitted in period'],
  apps_overdue: ['متأخرة', 'Overdue'],
  tickets_per_service: ['التذاكر لكل خدمة', 'Tickets per service'],
  waits_chart: ['الانتظار لكل خدمة (دقائق)', 'Waits per service (minutes)'],
  ratings_chart: ['توزيع التقييمات', 'Ratings distribution'],
  key: ['البند', 'Item'],
  stars: ['{n} نجوم', '{n} stars'],
  no_data: ['لا توجد بيانات', 'No data'],
  // admin
  admin_title: ['الإدارة', 'Administration'],
  services_title: ['الخدمات', 'Services'],
  code: ['الرمز', 'Code'],
  prefix: ['البادئة', 'Prefix'],
  name_ar: ['الاسم بالعربية', 'Arabic name'],
  name_en: ['الاسم بالإنجليزية', 'English name'],
  weight: ['الوزن', 'Weight'],
  active: ['مفعّل', 'Active'],
  needs_application: ['يتطلب طلباً', 'Needs application'],
  sort: ['الترتيب', 'Order'],
  counters_title: ['الشبابيك وخدماتها', 'Counters and their services'],
  number: ['الرقم', 'Number'],
  staff_title: ['حسابات الموظفين', 'Staff accounts'],
  display_name: ['الاسم الظاهر', 'Display name'],
  role: ['الدور', 'Role'],
  new_password: ['كلمة مرور جديدة', 'New password'],
  reset_password: ['إعادة تعيين', 'Reset'],
  disable: ['تعطيل', 'Disable'],
  enable: ['تفعيل', 'Enable'],
  devices_title: ['الأجهزة (الأكشاك والشاشات)', 'Devices (kiosks and displays)'],
  kind: ['النوع', 'Kind'],
  kind_kiosk: ['كشك', 'Kiosk'],
  kind_display: ['شاشة عرض', 'Display'],
  create_token: ['إنشاء رمز', 'Create token'],
  token_once: ['رمز الجهاز (يظهر مرة واحدة فقط، انسخه الآن):', 'Device token (shown once only, copy it now):'],
  revoke: ['إلغاء', 'Revoke'],
  revoked: ['ملغى', 'Revoked'],
  created_at: ['أنشئ', 'Created'],
  last_seen: ['آخر اتصال', 'Last seen'],
  association_title: ['بيانات الجمعية', 'Association'],
  association_note: ['تظهر هذه البيانات على التذاكر المطبوعة وشاشة الانتظار؛ يتغير الشريط على الشاشات فور الحفظ.', 'These details appear on printed tickets and the waiting-room screen; displays change their ticker as soon as you save.'],
  address_ar: ['العنوان بالعربية', 'Address in Arabic'],
  address_en: ['العنوان بالإنجليزية', 'Address in English'],
  ticker_ar: ['نص الشريط على الشاشة بالعربية', 'Display ticker in Arabic'],
  ticker_en: ['نص الشريط على الشاشة بالإنجليزية', 'Display ticker in English'],
  phone: ['الهاتف', 'Phone'],
  address: ['العنوان', 'Address'],
  confirm_revoke: ['إلغاء رمز هذا الجهاز؟ سيتوقف عن العمل فوراً.', 'Revoke this device token? It stops working at once.'],
  new_service: ['خدمة جديدة', 'New service'],
  new_counter: ['شباك جديد', 'New counter'],
  new_staff: ['موظف جديد', 'New staff account'],
  new_device: ['جهاز جديد', 'New device'],
  actions: ['إجراءات', 'Actions'],
};

const KEY = 'dawr.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'ar';

export function getLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'ar';
  localStorage.setItem(KEY, lang);
  applyLang();
}

export function applyLang() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = t('app_name');
}

// t('to_counter', {n: 3}) -> '← شباك 3'
export function t(key, vars) {
  const pair = STRINGS[key];
  let s = pair ? pair[lang === 'ar' ? 0 : 1] : key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  return s;
}

// A name the API gives in both languages (services: name_ar / name_en).
export function pick(obj, base) {
  return (lang === 'ar' ? obj[base + '_ar'] : obj[base + '_en']) || obj[base + '_ar'] || obj[base + '_en'] || '';
}

// Numbers in Latin digits in both languages (as on Saudi IDs and tickets);
// dates in the Gregorian calendar.
export function fmtNum(n, digits = 0) {
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function fmtDuration(sec) {
  sec = Math.max(0, Math.round(sec));
  const hr = Math.floor(sec / 3600), m = Math.floor(sec / 60) % 60, s = sec % 60;
  const ms = String(m).padStart(hr ? 2 : 1, '0') + ':' + String(s).padStart(2, '0');
  return hr ? hr + ':' + ms : ms;
}

// Dates and times are shown in the association's time zone (from /api/info), not
// the desk computer's.
let timeZone = 'Asia/Riyadh';
export function setTimeZone(tz) {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); timeZone = tz; } catch (e) { /* keep the default */ }
}

export function fmtTime(iso) {
  if (!iso) return t('none');
  const d = new Date(iso);
  return d.toLocaleString(lang === 'ar' ? 'ar-u-nu-latn-ca-gregory' : 'en-GB',
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone });
}

export function fmtDate(iso) {
  if (!iso) return t('none');
  return new Date(iso).toLocaleDateString(lang === 'ar' ? 'ar-u-nu-latn-ca-gregory' : 'en-GB',
    { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
}

// Today in the association's time zone, as YYYY-MM-DD.
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

// The strategic plan, its indicators and corrective actions, monitoring, SWOT analyses, proposals and
// the quality development plan (2.1 items 2, 3, 5, 6, 21; 2.3).
import type { Catalogue } from '../catalogue.ts';

export const strategyRules: Catalogue = {
  PLAN_ALREADY_DRAFTED: {
    ky: 'Бул стратегиялык план мурунтан эле бар.',
    ru: 'Этот стратегический план уже существует.',
    en: 'This strategic plan already exists.',
  },
  PLAN_NOT_FOUND: {
    ky: 'Мындай идентификатору бар стратегиялык план жок.',
    ru: 'Стратегического плана с таким идентификатором нет.',
    en: 'No strategic plan with this id exists.',
  },
  PLAN_CODE_TAKEN: {
    ky: 'Планда мындай коду бар багыт же максат мурунтан эле бар.',
    ru: 'В плане уже есть направление или цель с таким кодом.',
    en: 'The plan already has a direction or goal with this code.',
  },
  DIRECTION_NOT_FOUND: {
    ky: 'Планда мындай коду бар стратегиялык багыт жок.',
    ru: 'В плане нет стратегического направления с таким кодом.',
    en: 'The plan has no strategic direction with this code.',
  },
  PLAN_ALREADY_ADOPTED: { ky: 'План мурунтан эле кабыл алынган.', ru: 'План уже принят.', en: 'The plan has already been adopted.' },
  PLAN_WITHOUT_GOALS: {
    ky: 'План жок дегенде бир багыт жана максат менен кабыл алынат.',
    ru: 'План принимается как минимум с одним направлением и целью.',
    en: 'A plan is adopted with at least one direction and goal.',
  },
  INDICATOR_ALREADY_DEFINED: { ky: 'Бул көрсөткүч мурунтан эле бар.', ru: 'Этот показатель уже существует.', en: 'This indicator already exists.' },
  INDICATOR_NOT_FOUND: {
    ky: 'Мындай идентификатору бар көрсөткүч жок.',
    ru: 'Показателя с таким идентификатором нет.',
    en: 'No indicator with this id exists.',
  },
  PERIOD_NOT_OF_FREQUENCY: {
    ky: 'Мезгил көрсөткүчтүн мезгилдүүлүгүнө туура келбейт (мисалы, 2026, 2026-S1, 2026-Q3).',
    ru: 'Период не соответствует периодичности показателя (например, 2026, 2026-S1, 2026-Q3).',
    en: 'The period does not match the indicator’s frequency (e.g. 2026, 2026-S1, 2026-Q3).',
  },
  TARGET_INCOMPLETE: {
    ky: 'Максаттуу маани толук эмес: ага керектүү талаа жок же туура эмес.',
    ru: 'Целевое значение неполное: нужное поле отсутствует или неверно.',
    en: 'The target is incomplete: a field it needs is missing or wrong.',
  },
  TARGET_UNCHANGED: {
    ky: 'Ал жылдын максаттуу мааниси кайра карап чыгууда берилгенге мурунтан эле барабар.',
    ru: 'Целевое значение на этот год уже равно указанному в пересмотре.',
    en: 'The target for that year already is what the revision gives.',
  },
  PERIOD_NOT_DUE: {
    ky: 'Бул мезгилдин маанисин тапшыруу мөөнөтү али өтө элек; мөөнөтү өткөндөн кийин гана ал тапшырылган эмес деп белгиленет.',
    ru: 'Срок подачи значения за этот период ещё не прошёл; отметить его неподанным можно только после этой даты.',
    en: 'The value for this period is not due yet; it can be recorded missed only after its due date.',
  },
  MEASUREMENT_NOT_FOUND: {
    ky: 'Бул мезгил үчүн маани берилген эмес.',
    ru: 'За этот период значение не представлено.',
    en: 'No value has been reported for this period.',
  },
  MEASUREMENT_ALREADY_REPORTED: {
    ky: 'Бул мезгил үчүн маани мурунтан эле берилген; анын ордуна оңдоо жөнөтүңүз.',
    ru: 'Значение за этот период уже представлено; вместо этого отправьте исправление.',
    en: 'A value for this period is already reported; send a correction instead.',
  },
  MEASUREMENT_NOT_PENDING: {
    ky: 'Текшерүүнү күтүп жаткан берилген маани гана текшерилет же четке кагылат.',
    ru: 'Подтвердить или отклонить можно только представленное значение, ожидающее проверки.',
    en: 'Only a reported value that awaits verification can be verified or rejected.',
  },
  MEASUREMENT_NOT_VERIFIED: {
    ky: 'Бул мезгилдин мааниси текшериле элек.',
    ru: 'Значение за этот период не подтверждено.',
    en: 'The value for this period is not verified.',
  },
  DEVIATION_ALREADY_RECORDED: {
    ky: 'Бул мезгил үчүн четтөө мурунтан эле жазылган.',
    ru: 'Отклонение за этот период уже записано.',
    en: 'A deviation for this period is already recorded.',
  },
  INDICATOR_NOT_OFF_TRACK: {
    ky: 'Бул мааниде көрсөткүч пландан четтебейт, ошондуктан жазыла турган четтөө жок.',
    ru: 'При этом значении показатель не отклоняется от плана, поэтому записывать отклонение нечего.',
    en: 'The value leaves the indicator on track, so there is no deviation to record.',
  },
  ACTION_ALREADY_PLANNED: {
    ky: 'Бул оңдоо иш-чарасы мурунтан эле бар.',
    ru: 'Это корректирующее мероприятие уже существует.',
    en: 'This corrective action already exists.',
  },
  ACTION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар оңдоо иш-чарасы жок.',
    ru: 'Корректирующего мероприятия с таким идентификатором нет.',
    en: 'No corrective action with this id exists.',
  },
  ACTION_NOT_DONE: {
    ky: 'Натыйжалуулук иш-чара аткарылгандан кийин гана текшерилет.',
    ru: 'Эффективность проверяется только после выполнения мероприятия.',
    en: 'Effectiveness is checked once the action is done.',
  },
  ACTION_ALREADY_OVERDUE: {
    ky: 'Иш-чара мурунтан эле кечиктирилген деп белгиленген.',
    ru: 'Мероприятие уже отмечено как просроченное.',
    en: 'The action is already marked overdue.',
  },
  MONITORING_ALREADY_PLANNED: { ky: 'Бул мониторинг мурунтан эле бар.', ru: 'Этот мониторинг уже существует.', en: 'This monitoring already exists.' },
  MONITORING_NOT_FOUND: {
    ky: 'Мындай идентификатору бар мониторинг жок.',
    ru: 'Мониторинга с таким идентификатором нет.',
    en: 'No monitoring with this id exists.',
  },
  MONITORING_CLOSED: { ky: 'Мониторинг жабылган.', ru: 'Мониторинг закрыт.', en: 'The monitoring is closed.' },
  FINDING_CODE_TAKEN: {
    ky: 'Мониторингде мындай коду бар аныкталган маселе мурунтан эле бар.',
    ru: 'В мониторинге уже есть замечание с таким кодом.',
    en: 'The monitoring already has a finding with this code.',
  },
  FINDING_NOT_FOUND: {
    ky: 'Мониторингде мындай коду бар аныкталган маселе жок.',
    ru: 'В мониторинге нет замечания с таким кодом.',
    en: 'The monitoring has no finding with this code.',
  },
  DATE_BEFORE_MONITORING: {
    ky: 'Аныкталган маселе мониторинг башталганга чейин жазылбайт.',
    ru: 'Замечание нельзя записать до начала мониторинга.',
    en: 'A finding cannot be recorded before the monitoring starts.',
  },
  RECOMMENDATION_CODE_TAKEN: {
    ky: 'Мониторингде мындай коду бар сунуштама мурунтан эле бар.',
    ru: 'В мониторинге уже есть рекомендация с таким кодом.',
    en: 'The monitoring already has a recommendation with this code.',
  },
  RECOMMENDATION_NOT_FOUND: {
    ky: 'Мониторингде мындай коду бар сунуштама жок.',
    ru: 'В мониторинге нет рекомендации с таким кодом.',
    en: 'The monitoring has no recommendation with this code.',
  },
  DUE_BEFORE_ISSUE: {
    ky: 'Аткаруу мөөнөтү сунуштама берилген күндөн мурун болушу мүмкүн эмес.',
    ru: 'Срок исполнения не может быть раньше даты выдачи рекомендации.',
    en: 'The due date cannot be before the date the recommendation is issued.',
  },
  RECOMMENDATION_SETTLED: {
    ky: 'Сунуштаманын акыркы аткарылуу жыйынтыгы мурунтан эле жазылган.',
    ru: 'По рекомендации уже записан окончательный итог исполнения.',
    en: 'The recommendation already has a final follow-up.',
  },
  NO_FINDINGS: {
    ky: 'Мониторинг жок дегенде бир аныкталган маселе менен жабылат.',
    ru: 'Мониторинг закрывается как минимум с одним замечанием.',
    en: 'A monitoring is closed with at least one finding.',
  },
  SWOT_ALREADY_RECORDED: { ky: 'Бул SWOT-талдоо мурунтан эле бар.', ru: 'Этот SWOT-анализ уже существует.', en: 'This SWOT analysis already exists.' },
  SWOT_NOT_FOUND: {
    ky: 'Мындай идентификатору бар SWOT-талдоо жок.',
    ru: 'SWOT-анализа с таким идентификатором нет.',
    en: 'No SWOT analysis with this id exists.',
  },
  SWOT_ALREADY_PUBLISHED: { ky: 'Талдоо мурунтан эле жарыяланган.', ru: 'Анализ уже опубликован.', en: 'The analysis is already published.' },
  PUBLISHED_BEFORE_ANALYSIS: {
    ky: 'Талдоо жүргүзүлгөнгө чейин жарыяланышы мүмкүн эмес.',
    ru: 'Анализ не может быть опубликован раньше, чем проведён.',
    en: 'The analysis cannot be published before it was made.',
  },
  PROPOSAL_ALREADY_SUBMITTED: { ky: 'Бул сунуш мурунтан эле бар.', ru: 'Это предложение уже существует.', en: 'This proposal already exists.' },
  PROPOSAL_NOT_FOUND: { ky: 'Мындай идентификатору бар сунуш жок.', ru: 'Предложения с таким идентификатором нет.', en: 'No proposal with this id exists.' },
  PROPOSAL_ALREADY_DECIDED: {
    ky: 'Сунуш боюнча чечим мурунтан эле кабыл алынган.',
    ru: 'По предложению уже принято решение.',
    en: 'The proposal has been decided already.',
  },
  DECIDED_BEFORE_SUBMISSION: {
    ky: 'Сунуш боюнча чечим ал берилгенге чейин кабыл алынышы мүмкүн эмес.',
    ru: 'Решение по предложению не может быть принято раньше его подачи.',
    en: 'A proposal cannot be decided before it was submitted.',
  },
  QUALITY_PLAN_ALREADY_DRAFTED: {
    ky: 'Бул сапатты өнүктүрүү планы мурунтан эле бар.',
    ru: 'Этот план развития качества уже существует.',
    en: 'This quality development plan already exists.',
  },
  QUALITY_PLAN_NOT_FOUND: {
    ky: 'Мындай идентификатору бар сапатты өнүктүрүү планы жок.',
    ru: 'Плана развития качества с таким идентификатором нет.',
    en: 'No quality development plan with this id exists.',
  },
  QUALITY_PLAN_ALREADY_ADOPTED: { ky: 'План мурунтан эле кабыл алынган.', ru: 'План уже принят.', en: 'The plan has already been adopted.' },
  QUALITY_PLAN_WITHOUT_ACTIONS: {
    ky: 'План жок дегенде бир иш-чара менен кабыл алынат.',
    ru: 'План принимается как минимум с одним мероприятием.',
    en: 'A plan is adopted with at least one action.',
  },
  ACTION_CODE_TAKEN: {
    ky: 'Планда мындай коду бар иш-чара мурунтан эле бар.',
    ru: 'В плане уже есть мероприятие с таким кодом.',
    en: 'The plan already has an action with this code.',
  },
  ACTION_NOT_IN_PLAN: { ky: 'Планда мындай коду бар иш-чара жок.', ru: 'В плане нет мероприятия с таким кодом.', en: 'The plan has no action with this code.' },
  PLAN_NOT_ADOPTED: {
    ky: 'Иш-чаралар план кабыл алынгандан кийин гана аткарылат же жокко чыгарылат.',
    ru: 'Мероприятия выполняются или отменяются только после принятия плана.',
    en: 'Actions are completed or cancelled once the plan is adopted.',
  },
};

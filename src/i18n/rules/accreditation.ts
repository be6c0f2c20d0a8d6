// Accreditation cases, agencies and the evidence library (regulation 2.1.9, §3.1).
import type { Catalogue } from '../catalogue.ts';

export const accreditationRules: Catalogue = {
  ACCREDITATION_EXPIRED: {
    ky: 'Аккредитациянын мөөнөтү бүттү, ошондуктан бул кадам мындан ары мүмкүн эмес.',
    ru: 'Срок аккредитации истёк, поэтому этот шаг больше невозможен.',
    en: 'The accreditation has expired, so this step is no longer possible.',
  },
  ACCREDITATION_WITHDRAWN: {
    ky: 'Аккредитация иши кайтарылып алынган, ошондуктан бул кадам мүмкүн эмес.',
    ru: 'Дело об аккредитации отозвано, поэтому этот шаг невозможен.',
    en: 'The accreditation case was withdrawn, so this step is not possible.',
  },
  CASE_CLOSED: {
    ky: 'Аккредитация иши жабылган; ага мындан ары эч нерсе жазылбайт.',
    ru: 'Дело об аккредитации закрыто; в него больше ничего нельзя записать.',
    en: 'The accreditation case is closed; nothing more can be recorded in it.',
  },
  STAGE_PASSED: {
    ky: 'Иш бул кадамды жасоого мүмкүн болгон этаптан өтүп кеткен.',
    ru: 'Дело уже прошло этап, на котором возможен этот шаг.',
    en: 'The case has already passed the stage at which this step is possible.',
  },
  UNKNOWN_RECOMMENDATION: {
    ky: 'Чечимде мындай номердеги сунуштама жок.',
    ru: 'В решении нет рекомендации с таким номером.',
    en: 'The decision has no recommendation with this number.',
  },
  ACCREDITATION_ALREADY_APPLIED: {
    ky: 'Бул аккредитация иши мурунтан эле бар.',
    ru: 'Это дело об аккредитации уже существует.',
    en: 'This accreditation case already exists.',
  },
  ACCREDITATION_NOT_FOUND: {
    ky: 'Мындай идентификатору бар аккредитация иши жок.',
    ru: 'Дела об аккредитации с таким идентификатором нет.',
    en: 'No accreditation case with this id exists.',
  },
  AGENCY_NOT_FOUND: {
    ky: 'Мындай идентификатору бар аккредитациялоочу агенттик катталган эмес; адегенде агенттикти каттаңыз.',
    ru: 'Аккредитационное агентство с таким идентификатором не зарегистрировано; сначала зарегистрируйте агентство.',
    en: 'No accreditation agency with this id is registered; register the agency first.',
  },
  AGENCY_ALREADY_REGISTERED: {
    ky: 'Бул агенттик мурунтан эле катталган.',
    ru: 'Это агентство уже зарегистрировано.',
    en: 'This agency is already registered.',
  },
  AGENCY_NOT_REGISTERED: {
    ky: 'Арыз берилген күнү агенттик улуттук реестрде жок.',
    ru: 'На дату заявки агентство не внесено в национальный реестр.',
    en: 'The agency is not in the national register on the date of the application.',
  },
  REGISTRATION_NOT_EXTENDED: {
    ky: 'Каттоонун жаңы аяктоо күнү азыркысынан кийин болушу керек.',
    ru: 'Новая дата окончания регистрации должна быть позже текущей.',
    en: 'The new end of registration must be after the current one.',
  },
  FRAMEWORK_NOT_FOUND: {
    ky: 'Агенттикте мындай стандарттар жана критерийлер топтому жок; адегенде аны жарыялаңыз.',
    ru: 'У агентства нет такого набора стандартов и критериев; сначала опубликуйте его.',
    en: 'The agency has no such framework of standards and criteria; publish it first.',
  },
  FRAMEWORK_VERSION_OUT_OF_ORDER: {
    ky: 'Стандарттар топтомунун версиясы мурунку версиясынан мурун кабыл алынышы мүмкүн эмес.',
    ru: 'Версия набора стандартов не может быть принята раньше предыдущей версии.',
    en: 'A version of a framework cannot be adopted before the previous version.',
  },
  RENEWED_CASE_NOT_FOUND: {
    ky: 'Жаңыртыла турган аккредитация иши табылган жок.',
    ru: 'Дело об аккредитации, которое нужно возобновить, не найдено.',
    en: 'The accreditation case to renew does not exist.',
  },
  NOTHING_TO_RENEW: {
    ky: 'Аккредитация менен аяктаган ишти гана жаңыртууга болот.',
    ru: 'Возобновить можно только дело, завершившееся аккредитацией.',
    en: 'Only a case that ended in accreditation can be renewed.',
  },
  ALREADY_RENEWED: {
    ky: 'Бул иш башка иш менен мурунтан эле жаңыртылган.',
    ru: 'Это дело уже возобновлено другим делом.',
    en: 'The case is already renewed by another case.',
  },
  SELF_ASSESSMENT_NOT_STARTED: {
    ky: 'Адегенде өзүн-өзү баалоону баштаңыз (жумушчу топту түзүңүз).',
    ru: 'Сначала начните самооценку (сформируйте рабочую группу).',
    en: 'Start the self-assessment (form the working group) first.',
  },
  SELF_ASSESSMENT_REPORT_REQUIRED: {
    ky: 'Адегенде өзүн-өзү баалоо отчетун тапшырыңыз.',
    ru: 'Сначала сдайте отчёт о самооценке.',
    en: 'Submit the self-assessment report first.',
  },
  EXPERT_PANEL_REQUIRED: {
    ky: 'Адегенде агенттик эксперттик комиссияны дайындашы керек.',
    ru: 'Сначала агентство должно назначить экспертную комиссию.',
    en: 'The agency must appoint the expert panel first.',
  },
  VISIT_REQUIRED: {
    ky: 'Адегенде эксперттик комиссиянын сапарын жазыңыз.',
    ru: 'Сначала запишите визит экспертной комиссии.',
    en: 'Record the expert panel’s visit first.',
  },
  EXPERT_REPORT_REQUIRED: { ky: 'Адегенде эксперттик отчетту жазыңыз.', ru: 'Сначала запишите экспертный отчёт.', en: 'Record the expert report first.' },
  DECISION_REQUIRED: { ky: 'Адегенде агенттиктин чечимин жазыңыз.', ru: 'Сначала запишите решение агентства.', en: 'Record the agency’s decision first.' },
  SECTION_UNDER_REVIEW: {
    ky: 'Бөлүм каралып жатат; аны кайра даярдоодон мурун кайтарып берүү керек.',
    ru: 'Раздел на рассмотрении; прежде чем готовить его заново, его нужно вернуть.',
    en: 'The section is under review; it must be returned before it is drafted again.',
  },
  SECTION_APPROVED: {
    ky: 'Бөлүм бекитилген, аны мындан ары өзгөртүүгө болбойт.',
    ru: 'Раздел утверждён и больше не может быть изменён.',
    en: 'The section is approved and can no longer be changed.',
  },
  SECTION_NOT_DRAFTED: {
    ky: 'Карап чыгууга даярдалган бөлүм гана жөнөтүлөт; адегенде аны даярдаңыз.',
    ru: 'На рассмотрение направляется только подготовленный раздел; сначала подготовьте его.',
    en: 'Only a drafted section goes for review; draft it first.',
  },
  SECTION_NOT_FOR_REVIEW: {
    ky: 'Адегенде бөлүмдү карап чыгууга тапшыруу керек.',
    ru: 'Сначала раздел нужно направить на рассмотрение.',
    en: 'The section must be submitted for review first.',
  },
  SECTIONS_NOT_APPROVED: {
    ky: 'Өзүн-өзү баалоо отчетунун айрым бөлүмдөрү али бекитиле элек; адегенде аларды бекитиңиз.',
    ru: 'Некоторые разделы отчёта о самооценке ещё не утверждены; сначала утвердите их.',
    en: 'Some sections of the self-assessment report are not approved yet; approve them first.',
  },
  SWOT_REQUIRED: { ky: 'Адегенде жалпы SWOT-талдоону жазыңыз.', ru: 'Сначала запишите общий SWOT-анализ.', en: 'Record the SWOT analysis of the whole first.' },
  RECOMMENDATION_CLOSED: { ky: 'Сунуштама жабылган.', ru: 'Рекомендация закрыта.', en: 'The recommendation is closed.' },
  RECOMMENDATION_ESCALATED: {
    ky: 'Сунуштама жогорку деңгээлге өткөрүлгөн; ал боюнча жаңы иш-чара пландаңыз.',
    ru: 'Рекомендация уже передана на более высокий уровень; запланируйте по ней новое мероприятие.',
    en: 'The recommendation is already escalated; plan a new action on it.',
  },
  ACTION_ALREADY_COMPLETED: {
    ky: 'Бул сунуштама боюнча оңдоо иш-чарасы аткарылган; анын ордуна сунуштаманы жабыңыз же жогорку деңгээлге өткөрүңүз.',
    ru: 'Корректирующее мероприятие по этой рекомендации выполнено; вместо этого закройте рекомендацию или передайте её на более высокий уровень.',
    en: 'The corrective action on this recommendation is completed; close or escalate the recommendation instead.',
  },
  NO_ACTION_PENDING: {
    ky: 'Сунуштама боюнча күтүлүп жаткан пландалган оңдоо иш-чарасы жок.',
    ru: 'По рекомендации нет ожидающего запланированного корректирующего мероприятия.',
    en: 'The recommendation has no planned corrective action pending.',
  },
  ACTION_NOT_COMPLETED: {
    ky: 'Адегенде сунуштама боюнча оңдоо иш-чарасын аткарыңыз.',
    ru: 'Сначала выполните корректирующее мероприятие по рекомендации.',
    en: 'Complete a corrective action on the recommendation first.',
  },
  DUE_BEFORE_PLANNED: {
    ky: 'Аткаруу мөөнөтү пландалган күндөн мурун болушу мүмкүн эмес.',
    ru: 'Срок исполнения не может быть раньше запланированной даты.',
    en: 'The due date cannot be before the planned date.',
  },
  NEXT_REPORT_BEFORE_THIS: {
    ky: 'Кийинки отчеттун мөөнөтү ушул отчет тапшырылгандан кийин болушу керек.',
    ru: 'Срок следующего отчёта должен быть позже даты сдачи этого отчёта.',
    en: 'The next report must be due after this report is submitted.',
  },
  NOT_ACCREDITED: {
    ky: 'Иштин жарактуулук мөөнөтү бар аккредитациясы жок, ошондуктан анын мөөнөтү бүтө албайт.',
    ru: 'У дела нет аккредитации со сроком действия, поэтому она не может истечь.',
    en: 'The case has no accreditation with a period of validity, so it cannot expire.',
  },
  ACCREDITATION_STILL_VALID: {
    ky: 'Аккредитация али күчүндө; анын мөөнөтүнүн бүткөнү акыркы күнүнөн кийин гана жазылат.',
    ru: 'Аккредитация ещё действует; её истечение можно записать только после последнего дня срока.',
    en: 'The accreditation is still valid; its expiry can only be recorded after its last day.',
  },
  ACCREDITATION_DENIED: {
    ky: 'Аккредитациядан баш тартылган, ошондуктан бул кадам мүмкүн эмес.',
    ru: 'В аккредитации отказано, поэтому этот шаг невозможен.',
    en: 'The accreditation was denied, so this step is not possible.',
  },
  EVIDENCE_NOT_FOUND: {
    ky: 'Далилдер китепканасында мындай идентификатору бар документ жок; адегенде аны каттаңыз.',
    ru: 'В библиотеке доказательств нет документа с таким идентификатором; сначала зарегистрируйте его.',
    en: 'No document with this id is in the evidence library; register it first.',
  },
  EVIDENCE_ALREADY_REGISTERED: {
    ky: 'Бул документ далилдер китепканасында мурунтан эле бар.',
    ru: 'Этот документ уже есть в библиотеке доказательств.',
    en: 'This document is already in the evidence library.',
  },
};

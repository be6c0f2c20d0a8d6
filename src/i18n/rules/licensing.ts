// Licensing of programmes (regulation §3.1).
import type { Catalogue } from '../catalogue.ts';

export const licensingRules: Catalogue = {
  LICENSE_NOT_FOUND: {
    ky: 'Мындай идентификатору бар лицензия арызы жок.',
    ru: 'Заявки на лицензию с таким идентификатором нет.',
    en: 'No licence application with this id exists.',
  },
  LICENSE_ALREADY_APPLIED: {
    ky: 'Бул лицензия арызы мурунтан эле бар.',
    ru: 'Эта заявка на лицензию уже существует.',
    en: 'This licence application already exists.',
  },
  APPLICATION_ALREADY_PENDING: {
    ky: 'Бул программа (код, деңгээл жана окуу формасы) боюнча каралып жаткан арыз бар; кайра арыз берүүдөн мурун аны чечиңиз.',
    ru: 'По этой программе (код, уровень и форма обучения) уже есть нерассмотренная заявка; решите её, прежде чем подавать снова.',
    en: 'The programme (code, level and form of study) already has a pending application; decide it before applying again.',
  },
  LICENSE_REVOKED: {
    ky: 'Лицензия жокко чыгарылган, ошондуктан бул кадам мүмкүн эмес.',
    ru: 'Лицензия отозвана, поэтому этот шаг невозможен.',
    en: 'The licence is revoked, so this step is not possible.',
  },
  LICENSE_EXPIRED: {
    ky: 'Лицензиянын мөөнөтү бүткөн, ошондуктан бул кадам мүмкүн эмес.',
    ru: 'Срок лицензии истёк, поэтому этот шаг невозможен.',
    en: 'The licence has expired, so this step is not possible.',
  },
  LICENSE_NOT_GRANTED: {
    ky: 'Лицензия али бериле элек, ошондуктан бул кадам мүмкүн эмес.',
    ru: 'Лицензия ещё не выдана, поэтому этот шаг невозможен.',
    en: 'The licence has not been granted yet, so this step is not possible.',
  },
  LICENSE_VALIDITY_ENDED: {
    ky: 'Лицензиянын жарактуулук мөөнөтү бүттү; анын ордуна мөөнөтүнүн бүткөнүн жазыңыз.',
    ru: 'Срок действия лицензии закончился; вместо этого запишите её истечение.',
    en: 'The licence’s validity has ended; record its expiry instead.',
  },
  LICENSE_ALREADY_DECIDED: {
    ky: 'Эксперттик топ лицензия бериле элек арыз үчүн гана түзүлөт.',
    ru: 'Экспертная группа формируется только по заявке, по которой лицензия ещё не выдана.',
    en: 'An expert group can only be formed for an application that has not been granted.',
  },
  EXPERT_GROUP_REQUIRED: {
    ky: 'Корутунду эксперттик топ арызды карап жаткан учурда гана жазылат.',
    ru: 'Заключение записывается только пока экспертная группа рассматривает заявку.',
    en: 'A conclusion can only be recorded while an expert group is examining the application.',
  },
  LICENSE_ALREADY_GRANTED: { ky: 'Лицензия мурунтан эле берилген.', ru: 'Лицензия уже выдана.', en: 'The licence has already been granted.' },
  EXPERT_CONCLUSION_NEGATIVE: {
    ky: 'Эксперттик корутунду терс, ошондуктан лицензия берилбейт.',
    ru: 'Экспертное заключение отрицательное, поэтому лицензия не может быть выдана.',
    en: 'The expert conclusion is negative, so the licence cannot be granted.',
  },
  EXPERT_CONCLUSION_REQUIRED: {
    ky: 'Оң эксперттик корутундусуз лицензия берилбейт.',
    ru: 'Лицензия не может быть выдана до положительного экспертного заключения.',
    en: 'A licence cannot be granted before a positive expert conclusion.',
  },
  VALIDITY_UNSTATED: {
    ky: 'Лицензия берилгенде жарактуулуктун акыркы күнү же мөөнөтсүз экени көрсөтүлөт, экөөнүн бирөө гана.',
    ru: 'При выдаче указывается либо последний день действия, либо бессрочность — ровно что-то одно.',
    en: 'A grant gives either the last day of validity or indefinite validity, exactly one of them.',
  },
  VALIDITY_BEFORE_GRANT: {
    ky: 'Жарактуулуктун акыркы күнү лицензия берилген күндөн кийин болушу керек.',
    ru: 'Последний день действия должен быть позже даты выдачи.',
    en: 'The last day of validity must be after the day of the grant.',
  },
  LICENSE_NUMBER_TAKEN: {
    ky: 'Бул лицензия номери реестрде башка лицензияда мурунтан эле бар.',
    ru: 'Этот номер лицензии уже есть в реестре у другой лицензии.',
    en: 'This licence number is already in the registry, on another licence.',
  },
  NOTHING_TO_AMEND: {
    ky: 'Өзгөртүү эч нерсени өзгөртпөйт: берилген ар бир маани азыркысына барабар.',
    ru: 'Изменение ничего не меняет: каждое указанное значение совпадает с текущим.',
    en: 'The amendment changes nothing: every value given equals the current one.',
  },
  LICENSE_ALREADY_SUSPENDED: { ky: 'Лицензия мурунтан эле токтотулган.', ru: 'Действие лицензии уже приостановлено.', en: 'The licence is already suspended.' },
  LICENSE_NOT_SUSPENDED: {
    ky: 'Токтотулган лицензияны гана кайра улантууга болот.',
    ru: 'Возобновить можно только приостановленную лицензию.',
    en: 'Only a suspended licence can be resumed.',
  },
  LICENSE_WITHOUT_TIME_LIMIT: {
    ky: 'Лицензия мөөнөтсүз, ошондуктан анын мөөнөтү бүтпөйт.',
    ru: 'Лицензия бессрочная, поэтому её срок не может истечь.',
    en: 'The licence is valid without a time limit, so it cannot expire.',
  },
  LICENSE_STILL_VALID: {
    ky: 'Лицензия али күчүндө; мөөнөтүнүн бүткөнү анын акыркы күнүнөн кийин гана жазылат.',
    ru: 'Лицензия ещё действует; её истечение можно записать и датировать только после последнего дня срока.',
    en: 'The licence is still valid; its expiry can only be recorded, and dated, after its last day.',
  },
};

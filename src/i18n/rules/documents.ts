// Normative documents, education standards, the quality policy and quality standards (§1.4, §2.1).
import type { Catalogue } from '../catalogue.ts';

export const documentRules: Catalogue = {
  DOCUMENT_NOT_FOUND: {
    ky: 'Мындай идентификатору бар ченемдик документ жок.',
    ru: 'Нормативного документа с таким идентификатором нет.',
    en: 'No normative document with this id exists.',
  },
  DOCUMENT_ALREADY_REGISTERED: {
    ky: 'Бул документ мурунтан эле катталган.',
    ru: 'Этот документ уже зарегистрирован.',
    en: 'This document is already registered.',
  },
  DOCUMENT_RETIRED: {
    ky: 'Документ күчүн жоготкон; анын ордуна жаңы документ каттаңыз.',
    ru: 'Документ утратил силу; вместо этого зарегистрируйте новый документ.',
    en: 'The document has been retired; register a new document instead.',
  },
  DOCUMENT_SUPERSEDES_ITSELF: {
    ky: 'Документ өзүн-өзү алмаштыра албайт.',
    ru: 'Документ не может заменять сам себя.',
    en: 'A document cannot be superseded by itself.',
  },
  VERSION_NOT_FOUND: {
    ky: 'Документтин мындай версиясы жок; адегенде аны даярдаңыз.',
    ru: 'У документа нет такой версии; сначала подготовьте её.',
    en: 'The document has no such version; draft it first.',
  },
  VERSION_NOT_AFTER_LATEST: {
    ky: 'Жаңы версиянын номери акыркы версиянын номеринен чоң болушу керек.',
    ru: 'Номер новой версии должен быть больше номера последней версии.',
    en: 'A new version’s number must be greater than the latest version’s.',
  },
  VERSION_ALREADY_OPEN: {
    ky: 'Башка версия али долбоор же бекитилген, бирок күчүнө кире элек; адегенде аны аягына чыгарыңыз.',
    ru: 'Другая версия ещё в черновике или утверждена, но не вступила в силу; сначала завершите её.',
    en: 'Another version is still a draft, or approved but not in force; finish it first.',
  },
  VERSION_NOT_DRAFT: {
    ky: 'Бекитүүнү күтүп жаткан долбоор версия гана бекитилет.',
    ru: 'Утвердить можно только версию-черновик, ожидающую утверждения.',
    en: 'Only a draft version awaiting approval can be approved.',
  },
  VERSION_NOT_APPROVED: {
    ky: 'Бекитилген версия гана күчүнө кире алат.',
    ru: 'В силу может вступить только утверждённая версия.',
    en: 'Only an approved version can come into force.',
  },
  DOCUMENT_NOT_IN_FORCE: {
    ky: 'Күчүндөгү документ гана кайра каралат; адегенде бир версиясын күчүнө киргизиңиз.',
    ru: 'Пересматривается только действующий документ; сначала введите версию в силу.',
    en: 'Only a document in force is reviewed; put a version in force first.',
  },
  REVIEW_NOT_DUE_THEN: {
    ky: 'Документти кайра карап чыгуу мөөнөтү ал күнгө туура келбейт.',
    ru: 'Пересмотр документа назначен не на эту дату.',
    en: 'The document’s review is not due on that date.',
  },
  REVIEW_ALREADY_OVERDUE: {
    ky: 'Бул кайра карап чыгуу мурунтан эле кечиктирилген деп жазылган.',
    ru: 'Этот пересмотр уже записан как просроченный.',
    en: 'This review is already recorded as overdue.',
  },
  REVIEW_NOT_YET_OVERDUE: {
    ky: 'Кайра карап чыгуунун мөөнөтү али өтө элек.',
    ru: 'Срок пересмотра ещё не прошёл.',
    en: 'The review’s due date has not passed yet.',
  },
  WRONG_STAGE: {
    ky: 'Билим берүү стандарты бул кадамга керектүү этапта эмес.',
    ru: 'Образовательный стандарт не находится на этапе, нужном для этого шага.',
    en: 'The education standard is not at the stage this step needs.',
  },
  STANDARD_ALREADY_REGISTERED: {
    ky: 'Бул билим берүү стандарты мурунтан эле катталган.',
    ru: 'Этот образовательный стандарт уже зарегистрирован.',
    en: 'This education standard is already registered.',
  },
  STANDARD_NOT_FOUND: {
    ky: 'Мындай идентификатору бар билим берүү стандарты жок.',
    ru: 'Образовательного стандарта с таким идентификатором нет.',
    en: 'No education standard with this id exists.',
  },
  NOT_A_REVIEWER: {
    ky: 'Бул адам учурдагы айлампанын рецензенти эмес.',
    ru: 'Этот человек не рецензент текущего круга.',
    en: 'This person is not a reviewer of the current round.',
  },
  REVIEW_ALREADY_RECEIVED: {
    ky: 'Бул рецензенттин ушул айлампадагы рецензиясы мурунтан эле жазылган.',
    ru: 'Рецензия этого рецензента в этом круге уже записана.',
    en: 'This reviewer’s review for the round is already recorded.',
  },
  REVIEWS_OUTSTANDING: { ky: 'Айрым рецензиялар али келе элек.', ru: 'Некоторые рецензии ещё не получены.', en: 'Some reviews have not been received yet.' },
  NOTHING_TO_REVISE: {
    ky: 'Бардык рецензенттер бекитүүнү сунуштайт; анын ордуна стандартты бекитиңиз.',
    ru: 'Все рецензенты рекомендуют утвердить; вместо этого утвердите стандарт.',
    en: 'Every reviewer recommends approval; approve the standard instead.',
  },
  REVIEWS_NOT_FAVOURABLE: {
    ky: 'Бардык рецензенттер эле бекитүүнү сунуштаган жок; долбоорду оңдоп, кайра рецензияга жөнөтүңүз.',
    ru: 'Не все рецензенты рекомендовали утверждение; доработайте проект и снова отправьте на рецензию.',
    en: 'Not every reviewer recommended approval; revise the draft and send it for review again.',
  },
  POLICY_ALREADY_DRAFTED: {
    ky: 'Бул сапат саясаты мурунтан эле бар.',
    ru: 'Эта политика в области качества уже существует.',
    en: 'This quality policy already exists.',
  },
  POLICY_NOT_FOUND: {
    ky: 'Мындай идентификатору бар сапат саясаты жок.',
    ru: 'Политики в области качества с таким идентификатором нет.',
    en: 'No quality policy with this id exists.',
  },
  POLICY_ALREADY_APPROVED: {
    ky: 'Саясаттын бул редакциясы мурунтан эле бекитилген; жаңысын талкуулоо үчүн жаңыртууну ачыңыз.',
    ru: 'Эта редакция политики уже утверждена; чтобы обсудить новую, откройте обновление.',
    en: 'This edition of the policy is already approved; open an update to consult on a new one.',
  },
  CONSULTATION_REQUIRED: {
    ky: 'Саясат бекитилгенге чейин студенттер, кызматкерлер жана иш берүүчүлөр менен талкууланышы керек.',
    ru: 'До утверждения политику нужно обсудить со студентами, сотрудниками и работодателями.',
    en: 'The policy must be consulted on with students, staff and employers before it is approved.',
  },
  POLICY_NOT_APPROVED: {
    ky: 'Саясат али бекитиле элек; адегенде аны бекитиңиз.',
    ru: 'Политика ещё не утверждена; сначала утвердите её.',
    en: 'The policy is not approved yet; approve it first.',
  },
  MEASURE_ALREADY_PLANNED: {
    ky: 'Мындай коду бар чара мурунтан эле пландалган.',
    ru: 'Мера с таким кодом уже запланирована.',
    en: 'A measure with this code is already planned.',
  },
  MEASURE_NOT_FOUND: {
    ky: 'Саясат боюнча мындай коду бар чара пландалган эмес.',
    ru: 'Меры с таким кодом в рамках политики не запланировано.',
    en: 'No measure with this code is planned under the policy.',
  },
  MEASURE_CLOSED: {
    ky: 'Чара мурунтан эле аткарылган же жокко чыгарылган.',
    ru: 'Мера уже выполнена или отменена.',
    en: 'The measure is already completed or cancelled.',
  },
  MEASURE_CANNOT_GO_BACK: {
    ky: 'Чараны кайра «пландалган» абалына кайтарууга болбойт.',
    ru: 'Меру нельзя вернуть в состояние «запланирована».',
    en: 'A measure cannot be reported back to planned.',
  },
  QUALITY_STANDARD_EXISTS: {
    ky: 'Бул сапат стандарты мурунтан эле бар.',
    ru: 'Этот стандарт качества уже существует.',
    en: 'This quality standard already exists.',
  },
  QUALITY_STANDARD_NOT_FOUND: {
    ky: 'Мындай идентификатору бар сапат стандарты жок.',
    ru: 'Стандарта качества с таким идентификатором нет.',
    en: 'No quality standard with this id exists.',
  },
  NOT_A_DRAFT: {
    ky: 'Бул редакция мурунтан эле бекитилген; аны өзгөртүү үчүн кайра карап чыгууну ачыңыз.',
    ru: 'Эта редакция уже утверждена; чтобы изменить её, откройте пересмотр.',
    en: 'This edition is already approved; open a revision to change it.',
  },
  NOT_APPROVED: {
    ky: 'Бекитилген стандарт гана кайра каралат; адегенде долбоорду аягына чыгарыңыз.',
    ru: 'Пересматривается только утверждённый стандарт; сначала завершите проект.',
    en: 'Only an approved standard is revised; finish the draft first.',
  },
  REVISION_NOT_DUE_THEN: {
    ky: 'Стандартты кайра карап чыгуу мөөнөтү ал күнгө туура келбейт.',
    ru: 'Пересмотр стандарта назначен не на эту дату.',
    en: 'The standard’s revision is not due on that date.',
  },
  REVISION_ALREADY_OVERDUE: {
    ky: 'Бул кайра карап чыгуу мурунтан эле кечиктирилген деп жазылган.',
    ru: 'Этот пересмотр уже записан как просроченный.',
    en: 'This revision is already recorded as overdue.',
  },
  REVISION_NOT_YET_OVERDUE: {
    ky: 'Кайра карап чыгуунун мөөнөтү али өтө элек.',
    ru: 'Срок пересмотра ещё не прошёл.',
    en: 'The revision’s due date has not passed yet.',
  },
};

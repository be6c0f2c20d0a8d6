// The teaching-staff rating: campaigns and entries (2.1 item 14).
import type { Catalogue } from '../catalogue.ts';

export const ratingRules: Catalogue = {
  CAMPAIGN_NOT_FOUND: {
    ky: 'Мындай идентификатору бар рейтинг өнөктүгү жок.',
    ru: 'Рейтинговой кампании с таким идентификатором нет.',
    en: 'No rating campaign with this id exists.',
  },
  CAMPAIGN_ALREADY_EXISTS: {
    ky: 'Бул жылга рейтинг өнөктүгү мурунтан эле бар; жылына бир гана өнөктүк болот.',
    ru: 'Рейтинговая кампания на этот год уже существует; кампания проводится одна в год.',
    en: 'A rating campaign for this year already exists; there is one campaign per year.',
  },
  CRITERIA_FIXED: {
    ky: 'Өнөктүк ачылгандан кийин критерийлер өзгөрбөйт, анткени упайлар алар боюнча коюлат.',
    ru: 'После открытия кампании критерии не меняются, так как баллы выставляются по ним.',
    en: 'The criteria are fixed once the campaign is open, because scores are given against them.',
  },
  CRITERIA_UNCHANGED: {
    ky: 'Кайра карап чыгуу эч нерсени өзгөртпөйт: критерийлер ошол эле бойдон.',
    ru: 'Пересмотр ничего не меняет: критерии те же.',
    en: 'The revision changes nothing: the criteria are the same.',
  },
  CAMPAIGN_ALREADY_OPENED: { ky: 'Өнөктүк мурунтан эле ачылган.', ru: 'Кампания уже открыта.', en: 'The campaign has already been opened.' },
  ENTRY_DEADLINE_IN_PAST: {
    ky: 'Рейтинг барактарын тапшыруунун акыркы мөөнөтү бүгүнкү күндөн мурун.',
    ru: 'Срок подачи анкет раньше сегодняшнего дня.',
    en: 'The entry deadline is before today.',
  },
  ENTRY_DEADLINE_PASSED: { ky: 'Рейтинг барактарын тапшыруу мөөнөтү өтүп кетти.', ru: 'Срок подачи анкет прошёл.', en: 'The entry deadline has passed.' },
  DEADLINE_NOT_LATER: {
    ky: 'Барактарды тапшыруунун жаңы мөөнөтү азыркысынан кийин болушу керек.',
    ru: 'Новый срок подачи анкет должен быть позже текущего.',
    en: 'The new entry deadline must be after the current one.',
  },
  CAMPAIGN_CLOSED_FOR_ENTRIES: {
    ky: 'Өнөктүк барактарды кабыл алууну токтоткон.',
    ru: 'Приём анкет в кампании закрыт.',
    en: 'The campaign is closed for entries.',
  },
  CAMPAIGN_NOT_OPEN: {
    ky: 'Өнөктүк барактарды кабыл алуу үчүн ачык эмес.',
    ru: 'Кампания не открыта для подачи анкет.',
    en: 'The campaign is not open for entries.',
  },
  CAMPAIGN_ALREADY_CLOSED: {
    ky: 'Өнөктүк барактарды кабыл алууну мурунтан эле токтоткон.',
    ru: 'Приём анкет в кампании уже закрыт.',
    en: 'The campaign is already closed for entries.',
  },
  ENTRIES_NOT_CLOSED: {
    ky: 'Акыркы текшерүү башталганга чейин өнөктүктө барактарды кабыл алууну жабыңыз.',
    ru: 'Закройте приём анкет до начала итоговой проверки.',
    en: 'Close the campaign for entries before the final verification starts.',
  },
  VERIFICATION_ALREADY_STARTED: {
    ky: 'Акыркы текшерүү мурунтан эле башталган.',
    ru: 'Итоговая проверка уже началась.',
    en: 'The final verification has already started.',
  },
  VERIFICATION_NOT_STARTED: {
    ky: 'Жыйынтыктар акыркы текшерүү башталгандан кийин гана жарыяланат.',
    ru: 'Результаты публикуются только после начала итоговой проверки.',
    en: 'Results can only be published after the final verification has started.',
  },
  ENTRIES_AWAITING_VERIFICATION: {
    ky: 'Тапшырылган айрым барактар али текшериле элек жана кайтарыла элек.',
    ru: 'Некоторые поданные анкеты ещё не проверены и не возвращены.',
    en: 'Some submitted entries are neither verified nor returned yet.',
  },
  NO_VERIFIED_ENTRIES: {
    ky: 'Бир да текшерилген барак жок, ошондуктан жарыялай турган жыйынтык жок.',
    ru: 'Нет ни одной проверенной анкеты, поэтому публиковать нечего.',
    en: 'There is no verified entry, so there are no results to publish.',
  },
  RESULTS_ALREADY_PUBLISHED: {
    ky: 'Бул өнөктүктүн жыйынтыктары мурунтан эле жарыяланган.',
    ru: 'Результаты этой кампании уже опубликованы.',
    en: 'The results of this campaign are already published.',
  },
  RESULTS_NOT_PUBLISHED: {
    ky: 'Жыйынтыктар жарыялана элек, ошондуктан жабыла турган апелляция мезгили жок.',
    ru: 'Результаты не опубликованы, поэтому закрывать период апелляций нечего.',
    en: 'The results are not published, so there is no appeal window to close.',
  },
  APPEAL_DEADLINE_IN_PAST: {
    ky: 'Апелляциянын акыркы мөөнөтү бүгүнкү күндөн мурун.',
    ru: 'Срок подачи апелляций раньше сегодняшнего дня.',
    en: 'The appeal deadline is before today.',
  },
  APPEALS_ALREADY_CLOSED: { ky: 'Апелляция мезгили мурунтан эле жабылган.', ru: 'Период апелляций уже закрыт.', en: 'The appeal window is already closed.' },
  APPEAL_WINDOW_STILL_OPEN: {
    ky: 'Апелляциялар али кабыл алынууда; мезгилди анын акыркы күнүнөн кийин гана жабууга болот.',
    ru: 'Апелляции ещё принимаются; период можно закрыть только после его последнего дня.',
    en: 'Appeals are still received; the window can be closed only after its last day.',
  },
  CLOSING_DATE_IN_FUTURE: { ky: 'Жабуу күнү бүгүнкү күндөн кийин.', ru: 'Дата закрытия позже сегодняшнего дня.', en: 'The closing date is after today.' },
  ENTRY_NOT_FOUND: {
    ky: 'Мындай идентификатору бар рейтинг барагы жок.',
    ru: 'Рейтинговой анкеты с таким идентификатором нет.',
    en: 'No rating entry with this id exists.',
  },
  ENTRY_CAMPAIGN_MISMATCH: { ky: 'Барак башка өнөктүккө таандык.', ru: 'Анкета относится к другой кампании.', en: 'The entry belongs to another campaign.' },
  SELF_REVIEW: {
    ky: 'Эч ким өзүнүн рейтинг барагын текшере, кайтара же ал боюнча чечим чыгара албайт.',
    ru: 'Никто не может проверять, возвращать или решать по собственной рейтинговой анкете.',
    en: 'Nobody may verify, return or decide on their own rating entry.',
  },
  GROUP_CAP_WITHOUT_CRITERIA: {
    ky: 'Бул топко бир да критерий кирбейт, ошондуктан анын эң жогорку чеги эч нерсени чектебейт.',
    ru: 'К этой группе не относится ни один критерий, поэтому её предел ничего не ограничивает.',
    en: 'No criterion belongs to this group, so its cap caps nothing.',
  },
  AUTHOR_COUNT_REQUIRED: {
    ky: 'Бул критерий боюнча упай авторлордун ортосунда бөлүштүрүлөт; авторлордун санын көрсөтүңүз (жалгыз автор болсо 1).',
    ru: 'Баллы по этому критерию делятся между соавторами; укажите число авторов (1 для единственного автора).',
    en: 'This criterion is shared among co-authors; give the number of authors (1 for a sole author).',
  },
  AUTHOR_COUNT_NOT_SHARED: {
    ky: 'Бул критерий боюнча упай авторлордун ортосунда бөлүштүрүлбөйт; авторлордун санын көрсөтпөңүз.',
    ru: 'Баллы по этому критерию не делятся между соавторами; число авторов не указывайте.',
    en: 'This criterion is not shared among co-authors; leave the number of authors out.',
  },
  EVIDENCE_REQUIRED: {
    ky: 'Бул критерий боюнча нөлдөн жогору сан үчүн далил керек.',
    ru: 'Для количества больше нуля по этому критерию нужно подтверждение.',
    en: 'This criterion requires evidence for a quantity above zero.',
  },
  PROFILE_MISSING: {
    ky: 'Баракты тапшыруудан мурун окутуучунун факультетин, кафедрасын, кызматын, илимий даражасын жана штаттык бирдигин жазыңыз.',
    ru: 'Перед подачей анкеты запишите факультет, кафедру, должность, учёную степень и ставку преподавателя.',
    en: 'Record the teacher’s faculty, chair, position, degree and staff rate before submitting the entry.',
  },
  TEACHER_UNIT_UNKNOWN: {
    ky: 'Окутуучунун бөлүмү али белгисиз: окутуучу биринчи упайларын жазып баракты өзү баштайт, андан кийин анын бөлүмүнүн жетекчиси иштей алат.',
    ru: 'Подразделение преподавателя ещё неизвестно: преподаватель сам начинает анкету, записав первые баллы, после чего руководитель его подразделения может работать с ней.',
    en: 'The teacher’s unit is not known yet: the teacher starts the entry by recording their first scores, then the head of their unit may work in it.',
  },
  UNIT_UNKNOWN: {
    ky: 'Колдонуучунун токенинде бөлүм көрсөтүлгөн эмес, ошондуктан барактын бөлүмү белгисиз.',
    ru: 'В токене пользователя нет подразделения, поэтому подразделение анкеты неизвестно.',
    en: 'The caller’s token carries no unit, so the entry’s unit is unknown.',
  },
  ENTRY_LOCKED: {
    ky: 'Баракты оңдоого кайтарылгандан кийин гана өзгөртүүгө болот.',
    ru: 'Анкету можно изменить только после её возврата на доработку.',
    en: 'The entry can be changed only after it is returned for correction.',
  },
  ENTRY_ALREADY_SUBMITTED: { ky: 'Барак мурунтан эле тапшырылган.', ru: 'Анкета уже подана.', en: 'The entry is already submitted.' },
  ENTRY_ALREADY_VERIFIED: { ky: 'Барак мурунтан эле текшерилген.', ru: 'Анкета уже проверена.', en: 'The entry is already verified.' },
  ENTRY_NOT_SUBMITTED: {
    ky: 'Барак бул кадамга ылайыктуу абалда эмес: тапшырылган барак гана текшерилет же кайтарылат.',
    ru: 'Анкета не в том состоянии: проверить или вернуть можно только поданную анкету.',
    en: 'The entry is not in a state that allows this step: only a submitted entry can be verified or returned.',
  },
  SCORES_INCOMPLETE: {
    ky: 'Ар бир критерийге упай коюлушу керек (нөл да упай).',
    ru: 'По каждому критерию нужен балл (ноль — тоже балл).',
    en: 'Every criterion needs a score (zero is a score).',
  },
  SCORES_ENTERED_BY_REVIEWER: {
    ky: 'Бул баракка сиз упай жаздыңыз, ошондуктан аны башка текшерүүчү текшериши керек.',
    ru: 'Вы вносили баллы в эту анкету, поэтому проверить её должен другой проверяющий.',
    en: 'You recorded scores in this entry, so another reviewer must verify it.',
  },
  RESULTS_PUBLISHED: {
    ky: 'Жыйынтыктар жарыяланган; барактар апелляция аркылуу гана өзгөрөт.',
    ru: 'Результаты опубликованы; анкеты меняются только через апелляцию.',
    en: 'The results are published; entries change only through appeals.',
  },
  APPEAL_BEFORE_PUBLICATION: {
    ky: 'Жыйынтыктарга алар жарыялангандан кийин гана апелляция берүүгө болот.',
    ru: 'Обжаловать результаты можно только после их публикации.',
    en: 'Results can be appealed only after they are published.',
  },
  APPEAL_WINDOW_CLOSED: { ky: 'Апелляция мезгили жабылган.', ru: 'Период апелляций закрыт.', en: 'The appeal window is closed.' },
  ENTRY_NOT_IN_RESULTS: {
    ky: 'Барак текшерилген эмес, ошондуктан ал жарыяланган жыйынтыктарда жок.',
    ru: 'Анкета не была проверена, поэтому её нет среди опубликованных результатов.',
    en: 'The entry was not verified, so it is not among the published results.',
  },
  APPEAL_ALREADY_FILED: {
    ky: 'Барактын жыйынтыгына бир гана жолу апелляция берилет.',
    ru: 'Результаты анкеты можно обжаловать только один раз.',
    en: 'The results of an entry can be appealed once.',
  },
  NO_APPEAL_UNDER_REVIEW: {
    ky: 'Барак боюнча каралып жаткан апелляция жок.',
    ru: 'По анкете нет апелляции на рассмотрении.',
    en: 'The entry has no appeal under review.',
  },
  CRITERION_NOT_APPEALED: {
    ky: 'Бул критерий апелляцияда талашка коюлган эмес.',
    ru: 'Этот критерий не оспаривался в апелляции.',
    en: 'This criterion was not contested in the appeal.',
  },
  CORRECTION_CHANGES_NOTHING: {
    ky: 'Канааттандырылган апелляция жок дегенде бир талашка коюлган критерийдин упайын өзгөртүшү керек.',
    ru: 'Удовлетворённая апелляция должна изменить баллы хотя бы по одному оспоренному критерию.',
    en: 'An upheld appeal must change the points of at least one contested criterion.',
  },
};

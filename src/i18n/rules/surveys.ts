// Surveys of students, staff and employers: the assessment instruments (questionnaires) in versions,
// and the survey rounds that use them, with their results (2.1 items 5, 9).
import type { Catalogue } from '../catalogue.ts';

export const surveyRules: Catalogue = {
  INSTRUMENT_ALREADY_DRAFTED: {
    ky: 'Бул баалоо куралы мурунтан эле бар.',
    ru: 'Этот инструмент оценки уже существует.',
    en: 'This assessment instrument already exists.',
  },
  INSTRUMENT_NOT_FOUND: {
    ky: 'Мындай идентификатору бар баалоо куралы жок.',
    ru: 'Инструмента оценки с таким идентификатором нет.',
    en: 'No assessment instrument with this id exists.',
  },
  INSTRUMENT_DRAFT_OPEN: {
    ky: 'Куралдын акыркы версиясы али долбоор бойдон; жаңысын даярдоодон мурун аны жарыялаңыз.',
    ru: 'Последняя версия инструмента ещё черновик; опубликуйте её, прежде чем готовить новую.',
    en: 'The instrument’s latest version is still a draft; publish it before drafting another.',
  },
  DATE_BEFORE_PUBLICATION: {
    ky: 'Жаңы версия мурунку версия жарыяланган күндөн мурун даярдалышы мүмкүн эмес.',
    ru: 'Новая версия не может быть подготовлена раньше публикации предыдущей.',
    en: 'A new version cannot be drafted before the previous one was published.',
  },
  INSTRUMENT_VERSION_NOT_FOUND: {
    ky: 'Куралда мындай номердеги версия жок.',
    ru: 'У инструмента нет версии с таким номером.',
    en: 'The instrument has no version with this number.',
  },
  INSTRUMENT_VERSION_NOT_DRAFT: {
    ky: 'Бул версия долбоор эмес; акыркы долбоор гана жарыяланат.',
    ru: 'Эта версия не черновик; публикуется только последний черновик.',
    en: 'This version is not a draft; only the latest draft is published.',
  },
  DATE_BEFORE_DRAFT: {
    ky: 'Версия даярдалган күндөн мурун жарыяланышы мүмкүн эмес.',
    ru: 'Версия не может быть опубликована раньше, чем подготовлена.',
    en: 'A version cannot be published before it was drafted.',
  },
  INSTRUMENT_NOT_PUBLISHED: {
    ky: 'Куралдын али жарыяланган версиясы жок; сурамжылоо жарыяланган версия менен гана жүргүзүлөт.',
    ru: 'У инструмента ещё нет опубликованной версии; опрос проводится только по опубликованной версии.',
    en: 'The instrument has no published version yet; a survey uses a published version only.',
  },
  INSTRUMENT_VERSION_NOT_IN_USE: {
    ky: 'Куралдын учурда жарыяланган версиясын гана колдонууга болот.',
    ru: 'Можно использовать только текущую опубликованную версию инструмента.',
    en: 'Only the instrument’s currently published version can be used.',
  },
  SURVEY_ALREADY_PLANNED: {
    ky: 'Сурамжылоонун бул айлампасы мурунтан эле бар.',
    ru: 'Этот раунд опроса уже существует.',
    en: 'This survey round already exists.',
  },
  SURVEY_NOT_FOUND: {
    ky: 'Мындай идентификатору бар сурамжылоо айлампасы жок.',
    ru: 'Раунда опроса с таким идентификатором нет.',
    en: 'No survey round with this id exists.',
  },
  SURVEY_CANCELLED: {
    ky: 'Сурамжылоо айлампасы жокко чыгарылган.',
    ru: 'Раунд опроса отменён.',
    en: 'The survey round is cancelled.',
  },
  SURVEY_NOT_PLANNED: {
    ky: 'Пландалган айлампа гана ачылат.',
    ru: 'Открыть можно только запланированный раунд.',
    en: 'Only a planned survey round is opened.',
  },
  SURVEY_NOT_OPEN: {
    ky: 'Ачык айлампа гана жабылат.',
    ru: 'Закрыть можно только открытый раунд.',
    en: 'Only an open survey round is closed.',
  },
  SURVEY_NOT_CLOSED: {
    ky: 'Жыйынтыктар айлампа жабылгандан кийин жазылат.',
    ru: 'Результаты записываются после закрытия раунда.',
    en: 'Results are recorded once the survey round is closed.',
  },
  SURVEY_CLOSED: {
    ky: 'Жабылган айлампа жокко чыгарылбайт; анын ордуна жыйынтыктарын оңдоңуз.',
    ru: 'Закрытый раунд не отменяется; вместо этого исправьте его результаты.',
    en: 'A closed survey round is not cancelled; correct its results instead.',
  },
  DATE_BEFORE_OPENING: {
    ky: 'Айлампа ачылган күндөн мурун жабылышы мүмкүн эмес.',
    ru: 'Раунд не может быть закрыт раньше даты открытия.',
    en: 'A survey round cannot close before the day it opened.',
  },
  DATE_BEFORE_CLOSING: {
    ky: 'Жыйынтыктар айлампа жабылган күндөн мурун жазылышы мүмкүн эмес.',
    ru: 'Результаты не могут быть записаны раньше даты закрытия раунда.',
    en: 'Results cannot be recorded before the day the survey round closed.',
  },
  DATE_BEFORE_RESULTS: {
    ky: 'Оңдоо жыйынтыктар жазылган күндөн мурун болушу мүмкүн эмес.',
    ru: 'Исправление не может быть датировано раньше записи результатов.',
    en: 'A correction cannot be dated before the results were recorded.',
  },
  MORE_RESPONSES_THAN_INVITED: {
    ky: 'Жооп бергендердин саны чакырылгандардын санынан ашып кетти.',
    ru: 'Число ответивших больше числа приглашённых.',
    en: 'More people responded than were invited.',
  },
  RESULTS_ALREADY_RECORDED: {
    ky: 'Жыйынтыктар мурунтан эле жазылган; анын ордуна оңдоо жөнөтүңүз.',
    ru: 'Результаты уже записаны; вместо этого отправьте исправление.',
    en: 'The results are already recorded; send a correction instead.',
  },
  RESULTS_NOT_RECORDED: {
    ky: 'Жыйынтыктар али жазыла элек; адегенде аларды жазыңыз.',
    ru: 'Результаты ещё не записаны; сначала запишите их.',
    en: 'No results are recorded yet; record them first.',
  },
  RESULTS_INCOMPLETE: {
    ky: 'Айрым суроолордун жыйынтыгы жок; куралдын ар бир суроосу боюнча жыйынтык бериңиз.',
    ru: 'По некоторым вопросам нет результата; укажите результат по каждому вопросу инструмента.',
    en: 'Some questions have no result; give a result for every question of the instrument.',
  },
  RESULT_REPEATED: {
    ky: 'Суроонун же жооп вариантынын жыйынтыгы бир нече жолу берилген.',
    ru: 'Результат по вопросу или варианту ответа указан более одного раза.',
    en: 'A question or answer option has more than one result.',
  },
  RESULT_SHAPE: {
    ky: 'Жыйынтык суроонун түрүнө туура келбейт: ачык суроого жооп бергендердин саны жана кыскача мазмуну, калгандарына ар бир жооп боюнча сандар берилет.',
    ru: 'Результат не соответствует типу вопроса: для открытого вопроса указываются число ответивших и резюме, для остальных — количество по каждому ответу.',
    en: 'The result does not fit the question’s kind: an open question takes how many answered and a summary, the others counts per answer.',
  },
  QUESTION_NOT_ASKED: {
    ky: 'Куралдын бул версиясында мындай суроо жок.',
    ru: 'В этой версии инструмента нет такого вопроса.',
    en: 'The instrument version has no such question.',
  },
  OPTION_NOT_ASKED: {
    ky: 'Бул суроонун мындай жооп варианты жок.',
    ru: 'У этого вопроса нет такого варианта ответа.',
    en: 'The question has no such answer option.',
  },
  MORE_ANSWERS_THAN_RESPONSES: {
    ky: 'Суроого жооп бергендердин саны сурамжылоого катышкандардын санынан ашып кетти.',
    ru: 'Число ответивших на вопрос больше числа участников опроса.',
    en: 'More people answered a question than responded to the survey.',
  },
};

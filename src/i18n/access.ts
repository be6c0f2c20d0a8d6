// Refusals of access, in the three languages: who must sign in, which roles may act, whose entity it is.
import type { Catalogue } from './catalogue.ts';

export const accessSentences: Catalogue = {
  SIGN_IN_REQUIRED: {
    ky: 'Адегенде системага кириңиз: бул аракет үчүн колдонуучу аныкталышы керек (Authorization: Bearer <token> башаты).',
    ru: 'Сначала войдите в систему: для этого действия нужен вошедший пользователь (заголовок Authorization: Bearer <token>).',
    en: 'Sign in first: this needs a signed-in caller (an Authorization: Bearer <token> header).',
  },
  ROLE_REQUIRED: {
    ky: 'Бул аракет үчүн төмөнкү ролдордун бири керек: {allowed}. Сиздин ролуңуз: {held}.',
    ru: 'Для этого действия нужна одна из ролей: {allowed}. Ваши роли: {held}.',
    en: 'This needs one of the roles: {allowed}. Your roles: {held}.',
  },
  FORBIDDEN: { ky: 'Сизге бул аракетке уруксат жок.', ru: 'Вам это действие не разрешено.', en: 'You may not do this.' },
  NOT_OWN_UNIT: {
    ky: 'Бөлүмдүн жетекчиси өз бөлүмүнүн иштери менен гана иштей алат.',
    ru: 'Руководитель подразделения действует только в делах своего подразделения.',
    en: 'A unit head acts only for their own unit.',
  },
  NOT_OWN_ENTRY: {
    ky: 'Окутуучу өзүнүн рейтинг барагы менен гана иштей алат.',
    ru: 'Преподаватель может работать только со своей рейтинговой анкетой.',
    en: 'A teacher may act only on their own rating entry.',
  },
};

// Names for the demo's people: Kyrgyz given names and surnames combined by the seeded generator,
// so a few hundred teachers get plausible, repeatable names.
import type { Random } from './random.ts';

const men = [
  'Азамат',
  'Бакыт',
  'Нурлан',
  'Улан',
  'Эрлан',
  'Айбек',
  'Жыргалбек',
  'Талант',
  'Мирлан',
  'Канат',
  'Максат',
  'Бектур',
  'Элдияр',
  'Самат',
  'Адилет',
  'Темирлан',
  'Нурбек',
  'Алмаз',
  'Кубанычбек',
  'Замир',
];
const women = [
  'Айгүл',
  'Гүлнара',
  'Жылдыз',
  'Айзада',
  'Нургүл',
  'Чолпон',
  'Динара',
  'Бермет',
  'Асел',
  'Мээрим',
  'Айпери',
  'Назгүл',
  'Гүлзат',
  'Элмира',
  'Каныкей',
  'Салтанат',
  'Айнура',
  'Бактыгүл',
  'Зарина',
  'Мадина',
];
const surnames = [
  'Асанов',
  'Токтогулов',
  'Сыдыков',
  'Абдыраманов',
  'Осмонов',
  'Жумабаев',
  'Мамытов',
  'Ташиев',
  'Кадыров',
  'Бекболотов',
  'Сатыбалдиев',
  'Эргешов',
  'Алиев',
  'Турдубаев',
  'Исмаилов',
  'Курманов',
  'Орозбаев',
  'Жээнбеков',
  'Арзыбаев',
  'Маматов',
  'Каримов',
  'Юсупов',
  'Сулайманов',
  'Насыров',
  'Байышов',
];

/** A full name, surname first as Kyrgyz registers write it; women's surnames take the feminine ending. */
export function personName(random: Random): string {
  const woman = random.chance(0.55);
  const surname = random.pick(surnames);
  return `${woman ? `${surname}а` : surname} ${random.pick(woman ? women : men)}`;
}

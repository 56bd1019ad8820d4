import { describe, expect, it } from 'vitest';
import { nameInitials, namePinyin } from '../../shared/register/pinyin';

describe('pinyin of names, for finding students by Latin letters', () => {
  it('gives the initials and the full pinyin without tones or spaces', () => {
    expect(nameInitials('张三丰')).toBe('zsf');
    expect(namePinyin('张三丰')).toBe('zhangsanfeng');
  });

  it.each([
    ['单田芳', 'stf', 'shantianfang'],
    ['曾小贤', 'zxx', 'zengxiaoxian'],
    ['解缙', 'xj', 'xiejin'],
    ['仇大海', 'qdh', 'qiudahai'],
    ['朴树', 'ps', 'piaoshu'],
    ['查良镛', 'zly', 'zhaliangyong'],
    ['尉迟恭', 'ycg', 'yuchigong'],
  ])('reads the polyphonic surname of %s as a surname', (name, initials, full) => {
    expect(nameInitials(name)).toBe(initials);
    expect(namePinyin(name)).toBe(full);
  });

  it('writes ü as v, as keyboards type it', () => {
    expect(namePinyin('吕小布')).toBe('lvxiaobu');
    expect(nameInitials('吕小布')).toBe('lxb');
  });

  it('drops the 间隔号 and spaces; Latin letters are kept, lower-cased, full-width ones too', () => {
    expect(nameInitials('阿依古丽·买买提')).toBe('ayglmmt');
    expect(namePinyin('阿依古丽·买买提')).toBe('ayigulimaimaiti');
    expect(nameInitials('Anna·Li')).toBe('annali');
    expect(nameInitials('JOHN SMITH')).toBe('johnsmith');
    expect(nameInitials('ＪＯＨＮ')).toBe('john');
  });

  it('keeps a character it cannot read instead of guessing', () => {
    expect(nameInitials('𠮷田')).toBe('𠮷t');
    expect(namePinyin('𠮷田')).toBe('𠮷tian');
  });
});

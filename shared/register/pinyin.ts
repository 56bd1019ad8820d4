/**
 * Pinyin of a person's name, for finding students by typing Latin letters
 * (zsf or zhangsanfeng for 张三丰). Stored beside the name when a record is
 * written, so a search compares stored text instead of converting every name.
 *
 * The first character is read as a surname (单 shan, 曾 zeng, 解 xie), the
 * rest in context; ü is written v (lv), as keyboards type it. Latin letters
 * stay as they are, lower-cased; the 间隔号 and spaces are dropped; a
 * character pinyin-pro does not know (𠮷) is kept unchanged.
 */
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './codes';

function syllables(name: string, pattern: 'first' | 'pinyin'): string {
  return pinyin(toHalfWidth(name).trim(), { pattern, toneType: 'none', type: 'array', surname: 'head', v: true })
    .filter((part) => part !== '·' && part.trim() !== '')
    .join('')
    .toLowerCase();
}

/** 拼音首字母: 张三丰 → zsf, 单田芳 → stf, Anna·Li → annali. */
export function nameInitials(name: string): string {
  return syllables(name, 'first');
}

/** Full pinyin without tones or spaces: 张三丰 → zhangsanfeng, 吕小布 → lvxiaobu. */
export function namePinyin(name: string): string {
  return syllables(name, 'pinyin');
}

/**
 * The strength estimator behind `passwordProblems`: zxcvbn-ts with its
 * common-password dictionaries and keyboard graphs (a well-kept port of
 * Dropbox's zxcvbn). Built on first use: the dictionaries are large.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { StrengthEstimator } from './passwordPolicy';

let factory: ZxcvbnFactory | null = null;

export const estimateStrength: StrengthEstimator = (password, userInputs) => {
  factory ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...dictionary } });
  return factory.check(password, [...userInputs]).score;
};

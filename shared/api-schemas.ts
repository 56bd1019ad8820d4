/**
 * Input schemas of the contract: core validates every call with these,
 * because the renderer is not trusted (DESIGN.md §2). The mapped type makes
 * a missing or extra method a compile error.
 */
import { z } from 'zod';
import type { ApiArgs, ApiMethod } from './api';

export const apiArgSchemas = {
  status: z.tuple([]),
  systemInfo: z.tuple([]),
} as const satisfies { readonly [M in ApiMethod]: z.ZodType<ApiArgs<M>> };

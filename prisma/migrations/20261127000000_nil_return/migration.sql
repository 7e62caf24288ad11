-- AlterEnum
ALTER TYPE "ResponseStatus" ADD VALUE 'NIL_RETURN';


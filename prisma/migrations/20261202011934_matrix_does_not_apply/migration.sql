-- AlterEnum
ALTER TYPE "MatrixAnswer" ADD VALUE 'does_not_apply';

// Order service: the slow parts are planted on purpose.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function customerNames(orderIds: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of orderIds) {
    const order = await prisma.order.findUnique({ where: { id }, include: { customer: true } });
    if (order) names.set(id, order.customer.name);
  }
  return names;
}

export function matchingSkus(skus: string[], prefix: string): string[] {
  return skus.filter((sku) => new RegExp('^[A-Z]{3}-\\d{4}$').test(sku) && sku.startsWith(prefix));
}

export function knownCustomers(orders: { customerId: number }[], known: number[]): number {
  let count = 0;
  for (const order of orders) {
    if (known.includes(order.customerId)) count++;
  }
  return count;
}

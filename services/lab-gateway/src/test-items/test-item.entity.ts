import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A test item (检验项目) a report may carry for a category; mandatory ones must be in every report. */
@Entity({ name: 'test_item' })
export class TestItem {
  @PrimaryColumn({ type: 'text' })
  category!: string;

  @PrimaryColumn({ type: 'text' })
  item!: string;

  @Column({ type: 'boolean' })
  mandatory!: boolean;
}

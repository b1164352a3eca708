/** The article this product is modelled on (shared/seed), verbatim. */
export const seedArticle = {
  section: 'tin-trong-tinh',
  title:
    'Đẩy mạnh truyền thông, tạo sự đồng thuận của toàn xã hội trong thực hiện nhiệm vụ phát triển sự nghiệp Giáo dục và Đào tạo',
  publishedAt: '2019-10-09 15:34',
  byline: 'Huyền Trang',
  lead:
    'PhuthoPortal - Đó là nội dung quan trọng được đề cập đến tại hội nghị triển khai thực hiện kế hoạch truyền thông năm học 2019 - 2020 cho đội ngũ cán bộ quản lý trong ngành do Sở Giáo dục và Đào tạo tổ chức ngày 7/10. Hội nghị nhằm tăng cường hiệu quả công tác phối hợp giữa ngành Giáo dục và Đào tạo với các cơ quan báo chí, truyền thông, góp phần nâng cao nhận thức, tạo sự đồng thuận trong việc thực hiện chủ trương, chính sách mới về giáo dục và đào tạo.',
  photos: [
    { fileName: 'hn-tt-gd_1.jpg', caption: 'Đại biểu tham gia thảo luận tại hội nghị' },
    { fileName: 'hnttgd2.jpg', caption: 'Quang cảnh hội nghị' },
  ],
  /** Paragraphs, with the photo index placed before the paragraph at the same position. */
  body: [
    { photo: 0 },
    'Dự hội nghị có đại diện lãnh đạo Sở Thông tin và Truyền thông, Báo Phú Thọ, Đài Phát thanh và Truyền hình tỉnh; một số cơ quan thông tấn báo chí trung ương đóng trên địa bàn tỉnh.',
    'Tại hội nghị, đại diện lãnh đạo Sở Giáo dục và Đào tạo cho biết: Thời gian qua, công tác tuyên truyền trong lĩnh vực Giáo dục và Đào tạo trên địa bàn tỉnh cơ bản bám sát các mục tiêu, nhiệm vụ, giải pháp chủ yếu của từng năm học. Nội dung tuyên truyền có trọng tâm, trọng điểm và đảm bảo tính chủ động, kịp thời với hình thức phù hợp. Công tác phối hợp giữa các phòng thuộc Sở, các đơn vị giáo dục với các cơ quan truyền thông, báo chí của trung ương và địa phương đã được quan tâm, chú trọng và bước đầu đạt hiệu quả. Tuy nhiên, công tác truyền thông đôi khi còn chưa thường xuyên; việc phối hợp với cơ quan truyền thông của một số cán bộ quản lý giáo dục còn lúng túng…',
    { photo: 1 },
    'Để tiếp tục nâng cao hiệu quả công tác tuyên truyền trong năm học 2019 - 2020, Sở Giáo dục và Đào tạo đã xây dựng kế hoạch truyền thông tập trung vào các nội dung chính như: Việc triển khai thực hiện chủ trương, chính sách của Đảng Nhà nước về đổi mới giáo dục; các hoạt động nâng cao chất lượng đội ngũ nhà giáo, cán bộ quản lý giáo dục; các nội dung, nhiệm vụ về đổi mới giáo dục các cấp học, bậc học, đẩy mạnh giáo dục hướng nghiệp và định hướng phân luồng giáo dục phổ thông; ứng dụng công nghệ thông tin trong dạy học và quản lý giáo dục; công tác chỉ đạo và thực hiện việc giao quyền tự chủ, tự chịu trách nhiệm đối với các cơ sở giáo dục; hội nhập quốc tế trong giáo dục đào tạo; công tác chuẩn bị cơ sở vật chất, thiết bị bảo đảm cho việc tổ chức các hoạt động giáo dục và đào đạo…',
    'Tại hội nghị, các đại biểu đã thảo luận, trao đổi những phương pháp thực hiện, những vướng mắc, khó khăn và đóng góp các ý kiến để nâng cao hiệu quả công tác truyền thông trong thời gian tới.',
  ] as Array<string | { photo: number }>,
  tags: ['Giáo dục', 'Truyền thông'],
  /** The address the article had before its title was finalised; it must keep working (301 to the current one). */
  formerSlugs: ['hoi-nghi-truyen-thong-giao-duc-2019'],
};

export const demoSections = [
  { slug: 'tin-trong-tinh', name: 'Tin trong tỉnh', description: 'Thời sự, hoạt động của chính quyền và đời sống các địa phương trong tỉnh.' },
  { slug: 'kinh-te', name: 'Kinh tế', description: 'Nông nghiệp, công nghiệp, đầu tư và doanh nghiệp.' },
  { slug: 'van-hoa-xa-hoi', name: 'Văn hóa - Xã hội', description: 'Di sản, lễ hội, y tế và an sinh xã hội.' },
  { slug: 'giao-duc', name: 'Giáo dục', description: 'Trường lớp, thi cử, thầy cô và học sinh.' },
  { slug: 'the-thao', name: 'Thể thao', description: 'Thể thao thành tích cao và phong trào.' },
  { slug: 'du-lich', name: 'Du lịch', description: 'Điểm đến, lễ hội và trải nghiệm trên đất Tổ.' },
];

/** One account per role, password "demo-password": demo mode only (SEED_DEMO), never on a real install. */
export const DEMO_PASSWORD = 'demo-password';
export const demoAccounts = [
  { email: 'admin@example.com', displayName: 'Quản trị viên', role: 'admin' as const },
  { email: 'editor@example.com', displayName: 'Nguyễn Thu Hà', role: 'editor' as const },
  { email: 'reporter@example.com', displayName: 'Huyền Trang', role: 'reporter' as const },
];

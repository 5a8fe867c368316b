/*
 * test_identity.c - names that differ only in case are one name, over all
 * of Unicode as over ASCII: products, people, tasks, job titles and the
 * subjects of waivers (str.h's matching key, fold.h's folding).
 */
#include "testutil.h"

#include "fixture.h"

/* "Atlas" and "ATLAS" have always been one product; "Łódź" and "łódź", or
 * "Ελλάδα" and "ΕΛΛΆΔΑ", are one too. */
static void test_products_fold_case(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,\xc5\x81\xc3\xb3\x64\xc5\xba,Product backlog,A/R\n"
                     "Bo,Developer,\xc5\x82\xc3\xb3\x64\xc5\xba,Product backlog,C\n"
                     "Cy,Product Owner,\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1,,\n"
                     "Di,Developer,\xce\x95\xce\x9b\xce\x9b\xce\x86\xce\x94\xce\x91,,\n"
                     "Ed,Product Owner,Atlas,,\n"
                     "Fi,Developer,ATLAS,,\n");
    assert_int_equal(fx.r.nproducts, 3);
    /* Each keeps the name it was first written with. */
    assert_string_equal(fx.r.products[0].name, "\xc5\x81\xc3\xb3\x64\xc5\xba");
    assert_string_equal(fx.r.products[1].name, "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1");
    assert_int_equal(raci_view_team_size(&fx.r, 0), 2);
    assert_int_equal(raci_view_team_size(&fx.r, 1), 2);
    /* One task in one product: Bo's C is on Ana's task. */
    {
        size_t in_lodz = 0;
        for (uint32_t t = 0; t < fx.r.ntasks; t++)
            in_lodz += fx.r.tasks[t].product == 0;
        assert_int_equal(in_lodz, 1);
    }
    fixture_release(&fx);
}

/* People and tasks too: ÉLODIE is Élodie; a task written in capitals is the
 * task written in small letters. */
static void test_people_and_tasks_fold_case(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx,
                "person,title,product,task,raci\n"
                "\xc3\x89lodie,Product Owner,Atlas,\xc5\x81\xc4\x85\x63zno\xc5\x9b\xc4\x87,A\n"
                "\xc3\x89LODIE,Product Owner,Atlas,\xc5\x81\xc4\x84\x43ZNO\xc5\x9a\xc4\x86,R\n");
    assert_int_equal(fx.r.npersons, 1);
    assert_int_equal(fx.r.ntasks, 1);
    assert_int_equal(fixture_count(&fx, "duplicate-row"), 0);
    fixture_release(&fx);
}

/* A title pattern written in one case matches a title in another, in any
 * script. */
static void test_titles_fold_case(void **state)
{
    struct fixture fx;
    int po;
    (void)state;
    fixture_rules(&fx, "extends: default\n"
                       "roles:\n"
                       "  po:\n"
                       "    titles: [\"w\xc5\x82\x61\xc5\x9b\x63iciel produktu\"]\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 "person,title,product\n"
                                 "Ana,W\xc5\x81\x41\xc5\x9a\x43ICIEL PRODUKTU,Atlas\n"),
                     RACI_OK);
    fixture_check(&fx);
    po = raci_ruleset_role(&fx.rs, "po");
    assert_true(po >= 0);
    assert_int_equal(fx.r.persons[0].roles, UINT64_C(1) << po);
    fixture_release(&fx);
}

/* A waiver names its product in any case. */
static void test_waiver_subject_folds_case(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, "extends: default\n"
                       "waivers:\n"
                       "  - rule: product-without-po\n"
                       "    product: \"\xc5\x82\xc3\xb3\x64\xc5\xba\"\n"
                       "    reason: the PO starts next month\n"
                       "    expires: 2099-12-31\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 "person,title,product\n"
                                 "Bo,Developer,\xc5\x81\xc3\x93\x44\xc5\xb9\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "product-without-po"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_products_fold_case),
        cmocka_unit_test(test_people_and_tasks_fold_case),
        cmocka_unit_test(test_titles_fold_case),
        cmocka_unit_test(test_waiver_subject_folds_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
